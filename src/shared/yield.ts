/**
 * Long synchronous loops share the event loop with a process's other work (a watch's delivery
 * pump, its HTTP server, its lease heartbeat). `breather(sliceMs)` gives such a loop one call to
 * make per item: it returns at once until `sliceMs` of work have passed since the last pause, then
 * waits one turn of the event loop (due timers and ready sockets run first), so no
 * other work waits much longer than one slice behind the loop. The pause is a timer, not
 * setImmediate: a timer's turn passes through the loop's timers and its socket reads both, where an
 * immediate can resume before the timers run.
 */
export function breather(sliceMs = 50): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return new Promise<void>((done) =>
      setTimeout(() => {
        since = performance.now();
        done();
      }, 0),
    );
  };
}
