export * from './service';
export * from './http-errors.filter';
export * from './correlation';
export * from './api-docs';
export * from './staff-directory';
