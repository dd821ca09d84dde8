/** The dashboard's sales tiles over the daily roll-ups. Resolvers are in ./resolvers.js. */
export { channelSplit, gmvTrend, salesThisWeek, salesToday, slowMovers, topProducts } from './tiles.js';
