// `seeding processes [#####.....] 52% 52000/100000 1.2s` on stderr. Redraws in place on a terminal; when
// stderr is a file or pipe it prints a line per quarter instead of flooding the log with carriage returns.
const WIDTH = 20;

export type TProgressBar = { update: (done: number) => void; finish: () => number };

export function createProgressBar(label: string, total: number): TProgressBar {
  const startedAt = performance.now();
  const isTty = process.stderr.isTTY;
  let lastQuarter = -1;

  const render = (done: number) => {
    const share = total ? Math.min(1, done / total) : 1;
    const filled = Math.round(share * WIDTH);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    return `${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${Math.round(share * 100)}% ${done}/${total} ${seconds}s`;
  };

  return {
    update(done) {
      if (isTty) {
        process.stderr.write(`\r${render(done)}`);
        return;
      }
      const quarter = Math.floor((done / total) * 4);
      if (quarter > lastQuarter && quarter < 4) {
        lastQuarter = quarter;
        process.stderr.write(`${render(done)}\n`);
      }
    },
    finish() {
      process.stderr.write(`${isTty ? "\r" : ""}${render(total)}\n`);
      return (performance.now() - startedAt) / 1000;
    },
  };
}
