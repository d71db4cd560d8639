import { useCallback, useRef, useState } from 'react';
import { uploadFile, type UploadedAttachment } from '../../../app/http';

export interface PendingUpload {
  key: string;
  name: string;
  progress: number;
  attachment?: UploadedAttachment;
  error?: string;
}

/** Files attached to the reply being written, uploaded at once with progress (XMLHttpRequest). */
export function useUploads() {
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const update = (key: string, patch: Partial<PendingUpload>) =>
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...patch } : upload)));

  const add = useCallback((files: File[]) => {
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      setUploads((current) => [...current, { key, name: file.name, progress: 0 }]);
      uploadFile(file, (progress) => update(key, { progress }), controller.signal)
        .then((attachment) => update(key, { attachment, progress: 1 }))
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          update(key, { error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => controllers.current.delete(key));
    }
  }, []);

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setUploads((current) => current.filter((upload) => upload.key !== key));
  }, []);

  const clear = useCallback(() => setUploads([]), []);

  return {
    uploads,
    add,
    remove,
    clear,
    busy: uploads.some((upload) => !upload.attachment && !upload.error),
    attachmentIds: uploads.flatMap((upload) => (upload.attachment ? [upload.attachment.id] : [])),
  };
}
