export * from './core';
export * from './machfive';
export * from './instantly';
export * from './sendkit';
export * from './segmentflow';
