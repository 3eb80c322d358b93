//! The interview as a graph of questions: loops, reachability, route counts and the
//! "about N questions" estimate.

use super::{Content, Section, Target};

/// The questions each question can lead to (ends left out).
pub fn successors(content: &Content, q: usize) -> impl Iterator<Item = usize> + '_ {
    content.questions[q]
        .next
        .iter()
        .filter_map(|(_, t)| match t {
            Target::Question(n) => Some(*n),
            Target::End => None,
        })
}

pub fn start_of(content: &Content, section: Section) -> usize {
    match section {
        Section::Person => content.person_start,
        Section::Case => content.case_start,
    }
}

/// Every question reachable from its section's start.
pub fn reachable(content: &Content) -> Vec<bool> {
    let mut seen = vec![false; content.questions.len()];
    let mut stack = vec![content.person_start, content.case_start];
    while let Some(q) = stack.pop() {
        if !std::mem::replace(&mut seen[q], true) {
            stack.extend(successors(content, q));
        }
    }
    seen
}

/// One loop per strongly tied group: the questions on it, in order, first repeated.
pub fn loops(content: &Content) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        content: &Content,
        q: usize,
        marks: &mut [Mark],
        stack: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) {
        marks[q] = Mark::Open;
        stack.push(q);
        for n in successors(content, q).collect::<Vec<_>>() {
            match marks[n] {
                Mark::New => visit(content, n, marks, stack, out),
                Mark::Open => {
                    let from = stack.iter().position(|x| *x == n).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(n);
                    out.push(cycle);
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks[q] = Mark::Done;
    }
    let mut marks = vec![Mark::New; content.questions.len()];
    let mut out = Vec::new();
    for q in 0..content.questions.len() {
        if marks[q] == Mark::New {
            visit(content, q, &mut marks, &mut Vec::new(), &mut out);
        }
    }
    out
}

/// For each question, the shortest and longest number of questions from it to the
/// end of its section, itself included. Loops count as ending there.
pub fn remaining_bounds(content: &Content) -> Vec<(usize, usize)> {
    fn visit(
        content: &Content,
        q: usize,
        memo: &mut [Option<(usize, usize)>],
        open: &mut [bool],
    ) -> (usize, usize) {
        if let Some(b) = memo[q] {
            return b;
        }
        if open[q] {
            return (1, 1);
        }
        open[q] = true;
        let mut lo = usize::MAX;
        let mut hi = 0;
        for (_, t) in &content.questions[q].next {
            let (l, h) = match t {
                Target::End => (0, 0),
                Target::Question(n) => visit(content, *n, memo, open),
            };
            lo = lo.min(l);
            hi = hi.max(h);
        }
        open[q] = false;
        let b = (lo.min(hi) + 1, hi + 1);
        memo[q] = Some(b);
        b
    }
    let mut memo = vec![None; content.questions.len()];
    let mut open = vec![false; content.questions.len()];
    (0..content.questions.len())
        .map(|q| visit(content, q, &mut memo, &mut open))
        .collect()
}

/// The number of distinct routes (question sequences) from a section's start to its end.
pub fn route_count(content: &Content, section: Section) -> u128 {
    fn visit(content: &Content, q: usize, memo: &mut [Option<u128>], open: &mut [bool]) -> u128 {
        if let Some(n) = memo[q] {
            return n;
        }
        if open[q] {
            return 0;
        }
        open[q] = true;
        let mut targets: Vec<Target> = content.questions[q].next.iter().map(|(_, t)| *t).collect();
        targets.sort_by_key(|t| match t {
            Target::End => usize::MAX,
            Target::Question(n) => *n,
        });
        targets.dedup();
        let n = targets
            .iter()
            .map(|t| match t {
                Target::End => 1,
                Target::Question(n) => visit(content, *n, memo, open),
            })
            .fold(0u128, u128::saturating_add);
        open[q] = false;
        memo[q] = Some(n);
        n
    }
    let mut memo = vec![None; content.questions.len()];
    let mut open = vec![false; content.questions.len()];
    visit(content, start_of(content, section), &mut memo, &mut open)
}
