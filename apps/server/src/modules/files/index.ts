export { FileService, sniff, toStoredFile, type FileRow, type FileAccessRule } from './files.service.ts';
export { fileMigrations } from './migrations/index.ts';
export { fileBindings } from './files.routes.ts';
