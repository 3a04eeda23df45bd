//! Work spread over every core, for the commands that read a whole log.

/// Run `work` on every item, on as many threads as there are cores, and return the
/// results in the items' order.
pub(crate) fn map<I: Sync, T: Send>(items: &[I], work: impl Fn(&I) -> T + Sync) -> Vec<T> {
    indices(items.len(), |index| work(&items[index]))
}

/// Run `work` on every index below `count`, on as many threads as there are cores, and
/// return the results in order. Each result is written once, straight into its place in
/// the one vector returned: ten thousand records are not gathered per thread and then
/// copied into order. Threads take runs of [`RUN`] indices at a time, so a few large
/// records do not leave one thread with all the work. `std::thread::scope` is enough
/// here: the work is one flat loop, so a thread-pool crate would add nothing.
pub(crate) fn indices<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = threads_for(count);
    if threads <= 1 {
        return (0..count).map(work).collect();
    }
    let mut slots: Vec<Option<T>> = Vec::with_capacity(count);
    slots.resize_with(count, || None);
    let runs = std::sync::Mutex::new(slots.chunks_mut(RUN).enumerate());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                // A poisoned lock means another thread panicked: the scope re-raises that
                // panic once this thread stops. The guard goes with the closure that took
                // the run, so the lock is not held while the run is worked on.
                while let Some((run, slots)) = runs.lock().ok().and_then(|mut runs| runs.next()) {
                    for (at, slot) in slots.iter_mut().enumerate() {
                        *slot = Some(work(run * RUN + at));
                    }
                }
            });
        }
    });
    // Every slot was filled: the threads stopped only once the runs ran out. The results
    // take the slots' memory in place.
    slots.into_iter().flatten().collect()
}

/// Run `work` on every index below `count` as [`indices`] does, for work that only
/// succeeds or fails: nothing is kept of the successes (a slot per index, each as large
/// as the error, was megabytes for ten thousand pages), and the error of the lowest index
/// that failed is returned, as collecting [`indices`]' results would.
pub(crate) fn try_each<E: Send>(
    count: usize,
    work: impl Fn(usize) -> Result<(), E> + Sync,
) -> Result<(), E> {
    let first_error: std::sync::Mutex<Option<(usize, E)>> = std::sync::Mutex::new(None);
    let keep = |index: usize, error: E| {
        if let Ok(mut first) = first_error.lock()
            && first.as_ref().is_none_or(|(at, _)| index < *at)
        {
            *first = Some((index, error));
        }
    };
    let threads = threads_for(count);
    if threads <= 1 {
        for index in 0..count {
            if let Err(error) = work(index) {
                keep(index, error);
            }
        }
    } else {
        run_on_threads(threads, count, &work, &keep);
    }
    match first_error.into_inner() {
        Ok(Some((_, error))) => Err(error),
        _ => Ok(()),
    }
}

/// [`try_each`]'s threads: each takes the next run of [`RUN`] indices until none is left.
fn run_on_threads<E>(
    threads: usize,
    count: usize,
    work: &(impl Fn(usize) -> Result<(), E> + Sync),
    keep: &(impl Fn(usize, E) + Sync),
) {
    let next_run = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let run = next_run.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let start = run * RUN;
                    if start >= count {
                        break;
                    }
                    for index in start..(start + RUN).min(count) {
                        if let Err(error) = work(index) {
                            keep(index, error);
                        }
                    }
                }
            });
        }
    });
}

/// How many threads to spread `count` items over: every core (up to eight), but not more
/// than there is work for.
fn threads_for(count: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        // Starting a thread costs about as much as reading a few dozen small files, or
        // writing a few dozen pages.
        .min(count / 32 + 1)
}

/// How many indices a thread takes at a time: enough that the lock is taken rarely,
/// few enough that the threads finish together.
const RUN: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_keep_the_items_order() {
        let items: Vec<usize> = (0..500).collect();
        let out = map(&items, |i| i * 2);
        assert_eq!(out, (0..500).map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(
            indices(1000, |i| i * 3),
            (0..1000).map(|i| i * 3).collect::<Vec<_>>()
        );
        assert_eq!(indices(0, |i| i), Vec::<usize>::new());
    }

    #[test]
    fn try_each_runs_every_index_and_returns_the_lowest_failure() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        for count in [0, 5, 1000] {
            let sum = AtomicUsize::new(0);
            let result = try_each(count, |i| {
                sum.fetch_add(i, Ordering::Relaxed);
                if i % 300 == 299 { Err(i) } else { Ok(()) }
            });
            assert_eq!(sum.into_inner(), (0..count).sum::<usize>(), "{count}");
            let expected = if count > 299 { Err(299) } else { Ok(()) };
            assert_eq!(result, expected, "{count}");
        }
    }
}
