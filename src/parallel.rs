//! Work spread over every core, for the commands that read a whole log.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Run `work` on every item, on as many threads as there are cores, and return the
/// results in the items' order. Threads take items one at a time from a shared counter,
/// so a few large records do not leave one thread with all the work. `std::thread::scope`
/// is enough here: the work is one flat loop, so a thread-pool crate would add nothing.
pub(crate) fn map<I: Sync, T: Send>(items: &[I], work: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        // Starting a thread costs more than reading a few dozen small files.
        .min(items.len() / 64 + 1);
    if threads <= 1 {
        return items.iter().map(&work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut pieces: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else {
                            break;
                        };
                        done.push((index, work(item)));
                    }
                    done
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
    let mut all: Vec<(usize, T)> = Vec::with_capacity(items.len());
    for piece in &mut pieces {
        all.append(piece);
    }
    all.sort_unstable_by_key(|(index, _)| *index);
    all.into_iter().map(|(_, value)| value).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_keep_the_items_order() {
        let items: Vec<usize> = (0..500).collect();
        let out = map(&items, |i| i * 2);
        assert_eq!(out, (0..500).map(|i| i * 2).collect::<Vec<_>>());
    }
}
