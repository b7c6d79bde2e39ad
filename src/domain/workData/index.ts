export * from './labels';
export * from './periods';
export * from './vocabulary';
