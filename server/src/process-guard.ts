/**
 * A promise rejected with nobody waiting for it ends Node by default, taking every user's request
 * down with it. Our request paths handle their own errors; one that slips through is a bug to log
 * and fix, not a reason to stop serving.
 */
export function guardProcess(log: (line: string) => void = (line) => console.error(line)): void {
  process.on('unhandledRejection', (reason) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log(`unhandled rejection (the server keeps running): ${detail}`);
  });
}
