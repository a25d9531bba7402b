export * from './imports';
export * from './queue';
export * from './generation';
export * from './push';
export * from './settings';
export * from './review';
