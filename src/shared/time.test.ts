import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, setLongTimeout } from './time.js';

describe('setLongTimeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits the whole of a period longer than one Node timer holds (700 h), never firing early', () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(process, 'emitWarning');
    const fn = vi.fn();
    const ms = 700 * 3_600_000;
    setLongTimeout(fn, ms);
    vi.advanceTimersByTime(1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(ms - MAX_TIMER_MS - 2);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('fires a short wait once and can be cleared before it fires', () => {
    vi.useFakeTimers();
    const a = vi.fn();
    const b = vi.fn();
    setLongTimeout(a, 5000);
    const h = setLongTimeout(b, MAX_TIMER_MS * 3);
    vi.advanceTimersByTime(5000);
    expect(a).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MAX_TIMER_MS * 2);
    h.clear();
    vi.advanceTimersByTime(MAX_TIMER_MS * 2);
    expect(b).not.toHaveBeenCalled();
  });
});
