/** Orders from outside checkout: staff sales and marketplace imports. Domain code only; resolvers are in ./resolvers.js. */
export * from './service.js';
