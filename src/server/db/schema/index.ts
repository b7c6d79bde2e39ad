export * from './activities';
export * from './audit';
export * from './customers';
export * from './imports';
export * from './orgs';
export * from './users';
