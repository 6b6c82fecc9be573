//! Distilling the sentence encoder into a table of static token vectors (the Model2Vec
//! recipe): every vocabulary token is run through the encoder as the one-token sentence
//! `[CLS] token [SEP]`, mean-pooled as the sentence model pools; the vectors are centred and
//! reduced to their [`DIM`] principal components; each is weighted down the more frequent its
//! token (BERT's vocabulary lists words by frequency), as smooth inverse frequency weighting
//! does. A sentence's vector is then the sum of its tokens' rows: microseconds a sentence
//! instead of milliseconds, so it costs nothing at answer time and stays linear at index time.

use ndarray::{Array2, Axis};

use super::bert::{Bert, HIDDEN};
use super::wordpiece::WordPiece;
use super::DIM;
use crate::error::{Error, Result};

/// Sequences per forward pass.
const BATCH: usize = 512;
/// Subspace iterations for the principal components (the spectrum decays fast; 40 is plenty).
const PCA_ROUNDS: usize = 40;
/// Smooth-inverse-frequency constant: a token of probability `p` weighs `A / (A + p)`.
const SIF_A: f32 = 1e-3;
/// In BERT's uncased vocabulary the words start here, most frequent first; below are padding,
/// unused slots, special tokens and single characters.
const FIRST_WORD: usize = 1996;

/// What distillation produces: one row of [`DIM`] floats per token id.
#[derive(Debug)]
pub struct Table {
    pub rows: usize,
    pub values: Vec<f32>,
}

/// Runs the encoder over the whole vocabulary on `threads` threads and returns the weighted,
/// reduced table. `progress` is told how many tokens are done out of how many.
pub fn distill(
    bert: &Bert,
    vocab: &WordPiece,
    threads: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Table> {
    let size = vocab.size().min(bert.vocab_size());
    let (cls, sep) = match (vocab.id("[CLS]"), vocab.id("[SEP]")) {
        (Some(c), Some(s)) => (c, s),
        _ => return Err(Error::Embed("tokenizer.json: no [CLS] or [SEP] token".into())),
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut pooled = Array2::<f32>::zeros((size, HIDDEN));
    let per = size.div_ceil(threads.max(1));
    std::thread::scope(|scope| {
        for (part, mut rows) in pooled.axis_chunks_iter_mut(Axis(0), per.max(1)).enumerate() {
            let done = &done;
            scope.spawn(move || {
                let base = part * per;
                for start in (0..rows.nrows()).step_by(BATCH) {
                    let end = (start + BATCH).min(rows.nrows());
                    let seqs: Vec<Vec<u32>> = (start..end).map(|i| vec![cls, (base + i) as u32, sep]).collect();
                    rows.slice_axis_mut(Axis(0), ndarray::Slice::from(start..end)).assign(&bert.pooled(&seqs));
                    let n = done.fetch_add(end - start, std::sync::atomic::Ordering::Relaxed) + end - start;
                    progress(n, size);
                }
            });
        }
    });
    let words: Vec<bool> = (0..size).map(is_word_like).collect();
    let reduced = principal_components(&pooled, &words);
    let mut values = Vec::with_capacity(size * DIM);
    for (id, row) in reduced.rows().into_iter().enumerate() {
        let w = if words[id] { weight(id) } else { 0.0 };
        values.extend(row.iter().map(|v| v * w));
    }
    Ok(Table { rows: size, values })
}

/// Tokens a text can produce and that carry meaning: not padding, unused slots or specials.
fn is_word_like(id: usize) -> bool {
    id >= 999 && !(100..=103).contains(&id)
}

/// The smooth-inverse-frequency weight of a token from its rank (Zipf: `p ≈ 1 / (rank ·
/// ln V)`). Single characters and punctuation rank with the most frequent words.
fn weight(id: usize) -> f32 {
    let rank = if id >= FIRST_WORD { (id - FIRST_WORD + 1) as f32 } else { 1.0 };
    let p = 1.0 / (rank * 10.3);
    SIF_A / (SIF_A + p)
}

/// The rows of `x` centred on the mean of the `keep` rows and projected on their first
/// [`DIM`] principal components (orthogonal iteration on the covariance).
fn principal_components(x: &Array2<f32>, keep: &[bool]) -> Array2<f32> {
    let kept: Vec<usize> = (0..x.nrows()).filter(|&i| keep[i]).collect();
    let sample = x.select(Axis(0), &kept);
    let mean = sample.mean_axis(Axis(0)).unwrap_or_else(|| ndarray::Array1::zeros(HIDDEN));
    let centred = &sample - &mean;
    let cov = centred.t().dot(&centred) / kept.len().max(1) as f32;
    // A fixed, full-rank start (no randomness: the same model gives the same table).
    let mut q = Array2::<f32>::from_shape_fn((HIDDEN, DIM), |(i, j)| {
        (((i * 7 + j * 13) % 17) as f32 - 8.0) + if i == j { 20.0 } else { 0.0 }
    });
    orthonormalise(&mut q);
    for _ in 0..PCA_ROUNDS {
        q = cov.dot(&q);
        orthonormalise(&mut q);
    }
    (x - &mean).dot(&q)
}

/// Modified Gram–Schmidt on the columns.
fn orthonormalise(q: &mut Array2<f32>) {
    for j in 0..q.ncols() {
        for k in 0..j {
            let d = q.column(j).dot(&q.column(k));
            let prev = q.column(k).to_owned();
            q.column_mut(j).scaled_add(-d, &prev);
        }
        let n = q.column(j).dot(&q.column(j)).sqrt().max(1e-12);
        q.column_mut(j).mapv_inplace(|v| v / n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_tokens_weigh_less_than_rare_ones() {
        assert!(weight(FIRST_WORD) < 0.05, "the most frequent word");
        assert!(weight(FIRST_WORD + 5000) > 0.9, "a rare word");
        assert!(weight(1000) < 0.05, "a single character");
    }

    #[test]
    fn principal_components_keep_the_widest_direction_first() {
        // Points spread along (1, 1, 0, …) far more than anywhere else.
        let x = Array2::<f32>::from_shape_fn((50, HIDDEN), |(i, j)| {
            let t = i as f32 - 25.0;
            match j {
                0 | 1 => t,
                _ => ((i * 31 + j * 17) % 7) as f32 * 0.01,
            }
        });
        let keep = vec![true; 50];
        let y = principal_components(&x, &keep);
        assert_eq!(y.ncols(), DIM);
        let first: f32 = y.column(0).iter().map(|v| v * v).sum();
        let second: f32 = y.column(1).iter().map(|v| v * v).sum();
        assert!(first > 100.0 * second, "{first} vs {second}");
    }
}
