export * from './text';
export * from './workbooks';
export * from './leads';
export * from './vcards';
export * from './web-pages';
