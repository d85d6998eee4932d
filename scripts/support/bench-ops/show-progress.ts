// One progress line for a long phase: redrawn in place on a terminal, a line every 10 % (at most
// every 2 s) when the output is a file or a CI log.
export type TProgress = { update: (done: number, note?: string) => void; finish: (note?: string) => void };

export function showProgress(label: string, total: number): TProgress {
  const isTty = Boolean(process.stdout.isTTY);
  const startedAt = Date.now();
  let lastDrawAt = 0;
  let lastStep = -1;
  let last = 0;
  let lastPrinted = -1;
  const line = (done: number, note?: string) => `  ${label}: ${done}/${total} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)${note ? ` ${note}` : ""}`;
  return {
    update(done, note) {
      last = done;
      const now = Date.now();
      if (isTty) {
        if (now - lastDrawAt < 200) return;
        lastDrawAt = now;
        process.stdout.write(`\r${line(done, note)}\u001b[K`);
        return;
      }
      const step = Math.floor((done / Math.max(total, 1)) * 10);
      if (step === lastStep && now - lastDrawAt < 2000) return;
      lastStep = step;
      lastDrawAt = now;
      lastPrinted = done;
      console.log(line(done, note));
    },
    finish(note) {
      const text = line(last, note);
      if (isTty) process.stdout.write(`\r${text}\u001b[K\n`);
      else if (lastPrinted !== last || note) console.log(text);
    },
  };
}
