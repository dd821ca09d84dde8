/** The dashboard's stock tiles: low-stock levels and stock cover. Resolvers are in ./resolvers.js. */
export { LOW_STOCK_FILTER, lowStockVariants, stockCover, VELOCITY_DAYS, type StockCoverFigure } from './tiles.js';
