import { ApiError } from '@/api/client';
import { session } from '@/lib/session';

/**
 * A file from the api saved as a real file: fetched with the bearer token (a plain link carries none),
 * then handed to the browser through an object URL and an <a download>, named as the api names it.
 */
export async function downloadFile(path: string, accept: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: accept, Authorization: `Bearer ${session.token() ?? ''}` } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, String(body.message ?? ''));
  }
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
