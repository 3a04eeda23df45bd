//! Work spread over every core, for the commands that read a whole log.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Run `work` on every item, on as many threads as there are cores, and return the
/// results in the items' order.
pub(crate) fn map<I: Sync, T: Send>(items: &[I], work: impl Fn(&I) -> T + Sync) -> Vec<T> {
    indices(items.len(), |index| work(&items[index]))
}

/// Run `work` on every index below `count`, on as many threads as there are cores, and
/// return the results in order. Threads take indices one at a time from a shared counter,
/// so a few large records do not leave one thread with all the work. `std::thread::scope`
/// is enough here: the work is one flat loop, so a thread-pool crate would add nothing.
pub(crate) fn indices<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        // Starting a thread costs about as much as reading a few dozen small files, or
        // writing a few dozen pages.
        .min(count / 32 + 1);
    if threads <= 1 {
        return (0..count).map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    // Room for a fair share and a quarter more: the threads take about
                    // as many indices each, and a vector that does not grow is not copied.
                    let mut mine = Vec::with_capacity(count.div_ceil(threads) * 5 / 4);
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= count {
                            break;
                        }
                        mine.push((index, work(index)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    in_order(done, count)
}

/// The results of every thread, each in the order its thread took the indices (rising),
/// merged into one list by index: no sort, and no third copy of ten thousand results.
fn in_order<T>(done: Vec<Vec<(usize, T)>>, count: usize) -> Vec<T> {
    let mut runs: Vec<_> = done
        .into_iter()
        .map(|run| run.into_iter().peekable())
        .collect();
    let mut merged = Vec::with_capacity(count);
    loop {
        let next = runs
            .iter_mut()
            .enumerate()
            .filter_map(|(at, run)| run.peek().map(|(index, _)| (*index, at)))
            .min();
        let Some((_, at)) = next else { break };
        if let Some((_, value)) = runs[at].next() {
            merged.push(value);
        }
    }
    merged
}

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
    fn runs_of_rising_indices_merge_into_the_indices_order() {
        let runs = vec![
            vec![(0, 'a'), (2, 'c'), (3, 'd'), (6, 'g')],
            vec![(1, 'b'), (4, 'e')],
            vec![],
            vec![(5, 'f')],
        ];
        assert_eq!(in_order(runs, 7), vec!['a', 'b', 'c', 'd', 'e', 'f', 'g']);
        assert_eq!(
            in_order::<char>(vec![vec![], vec![]], 0),
            Vec::<char>::new()
        );
    }
}
