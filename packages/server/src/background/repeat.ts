export interface RepeatingJob {
  /** Runs the job now, then again and again; a second call does nothing. */
  start(): void;
  /** No further run; resolves once a run under way has ended. */
  stop(): Promise<void>;
}

/**
 * The loop of the server's background jobs (news polling, mail dispatch, the retention purge):
 * `run` at `start()`, then again `intervalMs` after each run ends, so two runs never overlap and
 * a slow run delays the next rather than piling up. A run logs its own failures; one that throws
 * counts as ended. The timer does not keep the process alive: the server does.
 */
export function repeatAfterEachRun(intervalMs: number, run: () => Promise<unknown>): RepeatingJob {
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  function tick(): void {
    running = run()
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        running = undefined;
        if (stopped) return;
        timer = setTimeout(tick, intervalMs);
        timer.unref();
      });
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
