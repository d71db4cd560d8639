import { useCallback, useRef, useState } from 'react';
import { fetchWithAuth } from '../../../app/http';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; rows: number; total: number }
  | { phase: 'done'; rows: number; url: string; filename: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; status: number };

export interface ExportRequest {
  dataset: 'tickets' | 'metrics' | 'agents';
  format: 'csv' | 'ndjson';
  from: string;
  to: string;
}

/**
 * Runs one export from GET /reports/export: reads the stream as it arrives, counts rows
 * against `X-Total-Count` for the progress bar, and can be cancelled (the request is aborted,
 * so the server stops reading the database). The finished file is offered as a download.
 */
export function useExport() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async (req: ExportRequest) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', rows: 0, total: 0 });
    try {
      const query = new URLSearchParams({ dataset: req.dataset, format: req.format, from: req.from, to: req.to });
      const res = await fetchWithAuth(`/reports/export?${query}`, { signal: abort.signal });
      if (!res.ok || !res.body) return setState({ phase: 'failed', status: res.status });
      const total = Number(res.headers.get('x-total-count') ?? 0);
      const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `export.${req.format}`;
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) lines++;
        const rows = Math.max(0, req.format === 'csv' ? lines - 1 : lines);
        setState({ phase: 'running', rows, total });
      }
      const rows = Math.max(0, req.format === 'csv' ? lines - 1 : lines);
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'text/plain' }));
      setState({ phase: 'done', rows, url, filename });
    } catch (err) {
      if (abort.signal.aborted) setState({ phase: 'cancelled' });
      else setState({ phase: 'failed', status: 0 });
      if (!abort.signal.aborted) console.error(err);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
