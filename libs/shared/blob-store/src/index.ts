export * from './blob-store';
export * from './local-file-blob-store';
