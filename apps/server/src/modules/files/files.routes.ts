import { fileRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import { toStoredFile, type FileService } from './files.service.ts';

export function fileBindings(files: FileService, uploadLimit: number): RouteBinding[] {
  return [
    {
      ...bind(r.upload, async (ctx) => {
        const name = typeof ctx.headers['x-file-name'] === 'string' ? decodeURIComponent(ctx.headers['x-file-name']) : null;
        return toStoredFile(await files.store(ctx.caller, String(ctx.headers['content-type'] ?? ''), ctx.rawBody, name));
      }),
      bodyLimit: uploadLimit,
    },
    bind(r.download, async (ctx) => {
      const { row, content } = await files.read(ctx.caller, ctx.params.id);
      ctx.header('content-type', row.content_type);
      ctx.header('cache-control', 'private, max-age=3600');
      ctx.header('content-disposition', 'inline');
      return content;
    }),
  ];
}
