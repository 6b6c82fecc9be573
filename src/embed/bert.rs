//! The BERT encoder of all-MiniLM-L6-v2, read from its `model.safetensors` and run on the CPU:
//! only what distilling the static vectors needs (equal-length sequences, no padding, the
//! sentence-transformers mean pooling). Matrix products go through ndarray (matrixmultiply).

use std::collections::HashMap;

use ndarray::{Array1, Array2, Axis, Slice};

use crate::error::{Error, Result};

/// The encoder's width, heads and depth as all-MiniLM-L6-v2 has them; a model of another shape
/// is refused when loaded.
pub const HIDDEN: usize = 384;
const HEADS: usize = 12;
const LAYERS: usize = 6;
const LN_EPS: f32 = 1e-12;

#[derive(Debug)]
struct Linear {
    /// `[out, in]`, as PyTorch stores it.
    w: Array2<f32>,
    b: Array1<f32>,
}

impl Linear {
    fn apply(&self, x: &Array2<f32>) -> Array2<f32> {
        let mut y = x.dot(&self.w.t());
        y += &self.b;
        y
    }
}

#[derive(Debug)]
struct Norm {
    w: Array1<f32>,
    b: Array1<f32>,
}

impl Norm {
    fn apply(&self, x: &mut Array2<f32>) {
        for mut row in x.rows_mut() {
            let n = row.len() as f32;
            let mean = row.sum() / n;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
            let inv = 1.0 / (var + LN_EPS).sqrt();
            for (i, v) in row.iter_mut().enumerate() {
                *v = (*v - mean) * inv * self.w[i] + self.b[i];
            }
        }
    }
}

#[derive(Debug)]
struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    o: Linear,
    attn_norm: Norm,
    up: Linear,
    down: Linear,
    out_norm: Norm,
}

/// The encoder's weights.
#[derive(Debug)]
pub struct Bert {
    word: Array2<f32>,
    position: Array2<f32>,
    token_type: Array1<f32>,
    embed_norm: Norm,
    layers: Vec<Layer>,
}

/// A tensor's shape and values.
type Tensor = (Vec<usize>, Vec<f32>);

/// The float tensors of a safetensors file, by name.
fn tensors(bytes: &[u8]) -> Result<HashMap<String, Tensor>> {
    let bad = |why: String| Error::Embed(format!("model.safetensors: {why}"));
    let head_len = bytes.get(..8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])) as usize);
    let head_len = head_len.filter(|&n| n + 8 <= bytes.len()).ok_or_else(|| bad("truncated header".into()))?;
    let header: serde_json::Value =
        serde_json::from_slice(&bytes[8..8 + head_len]).map_err(|e| bad(format!("header: {e}")))?;
    let data = &bytes[8 + head_len..];
    let mut out = HashMap::new();
    for (name, t) in header.as_object().ok_or_else(|| bad("header is not an object".into()))? {
        if name == "__metadata__" || t["dtype"].as_str() != Some("F32") {
            continue;
        }
        let shape: Vec<usize> =
            t["shape"].as_array().into_iter().flatten().filter_map(|d| d.as_u64()).map(|d| d as usize).collect();
        let offsets: Vec<usize> =
            t["data_offsets"].as_array().into_iter().flatten().filter_map(|d| d.as_u64()).map(|d| d as usize).collect();
        let [start, end] = offsets[..] else { return Err(bad(format!("{name}: no offsets"))) };
        let raw = data.get(start..end).ok_or_else(|| bad(format!("{name}: offsets beyond the file")))?;
        if raw.len() != shape.iter().product::<usize>() * 4 {
            return Err(bad(format!("{name}: size does not match its shape")));
        }
        let values = raw.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        out.insert(name.clone(), (shape, values));
    }
    Ok(out)
}

/// The tensors of a model file, taken out by name and shape.
struct Weights(HashMap<String, Tensor>);

impl Weights {
    fn take(&mut self, name: &str, dims: usize) -> Result<Tensor> {
        let (shape, v) =
            self.0.remove(name).ok_or_else(|| Error::Embed(format!("model.safetensors: no tensor {name}")))?;
        if shape.len() != dims {
            return Err(Error::Embed(format!("model.safetensors: {name} has {} dimensions, not {dims}", shape.len())));
        }
        Ok((shape, v))
    }

    fn matrix(&mut self, name: &str, cols: usize) -> Result<Array2<f32>> {
        let (shape, v) = self.take(name, 2)?;
        if shape[1] != cols {
            return Err(Error::Embed(format!("model.safetensors: {name} is {shape:?}, {cols} columns expected")));
        }
        Array2::from_shape_vec((shape[0], shape[1]), v).map_err(|e| Error::Embed(format!("{name}: {e}")))
    }

    fn vector(&mut self, name: &str, len: usize) -> Result<Array1<f32>> {
        let (shape, v) = self.take(name, 1)?;
        if shape[0] != len {
            return Err(Error::Embed(format!("model.safetensors: {name} has {} values, {len} expected", shape[0])));
        }
        Ok(Array1::from_vec(v))
    }

    fn linear(&mut self, prefix: &str, inputs: usize) -> Result<Linear> {
        let w = self.matrix(&format!("{prefix}.weight"), inputs)?;
        let b = self.vector(&format!("{prefix}.bias"), w.nrows())?;
        Ok(Linear { w, b })
    }

    fn norm(&mut self, prefix: &str) -> Result<Norm> {
        Ok(Norm {
            w: self.vector(&format!("{prefix}.weight"), HIDDEN)?,
            b: self.vector(&format!("{prefix}.bias"), HIDDEN)?,
        })
    }
}

impl Bert {
    /// Reads the encoder from the bytes of `model.safetensors`.
    pub fn from_safetensors(bytes: &[u8]) -> Result<Bert> {
        let mut t = Weights(tensors(bytes)?);
        let word = t.matrix("embeddings.word_embeddings.weight", HIDDEN)?;
        let position = t.matrix("embeddings.position_embeddings.weight", HIDDEN)?;
        let token_type = t.matrix("embeddings.token_type_embeddings.weight", HIDDEN)?.row(0).to_owned();
        let embed_norm = t.norm("embeddings.LayerNorm")?;
        let mut layers = Vec::with_capacity(LAYERS);
        for i in 0..LAYERS {
            let p = format!("encoder.layer.{i}");
            let up = t.linear(&format!("{p}.intermediate.dense"), HIDDEN)?;
            let wide = up.w.nrows();
            layers.push(Layer {
                q: t.linear(&format!("{p}.attention.self.query"), HIDDEN)?,
                k: t.linear(&format!("{p}.attention.self.key"), HIDDEN)?,
                v: t.linear(&format!("{p}.attention.self.value"), HIDDEN)?,
                o: t.linear(&format!("{p}.attention.output.dense"), HIDDEN)?,
                attn_norm: t.norm(&format!("{p}.attention.output.LayerNorm"))?,
                down: t.linear(&format!("{p}.output.dense"), wide)?,
                up,
                out_norm: t.norm(&format!("{p}.output.LayerNorm"))?,
            });
        }
        if t.0.keys().any(|k| k.starts_with(&format!("encoder.layer.{LAYERS}."))) {
            return Err(Error::Embed(format!("model.safetensors: more than {LAYERS} layers")));
        }
        Ok(Bert { word, position, token_type, embed_norm, layers })
    }

    /// Size of the vocabulary the word embeddings cover.
    pub fn vocab_size(&self) -> usize {
        self.word.nrows()
    }

    /// The mean-pooled last hidden states of sequences that all have the same length (token
    /// ids, `[CLS]`/`[SEP]` included): one row per sequence.
    pub fn pooled(&self, seqs: &[Vec<u32>]) -> Array2<f32> {
        let len = seqs.first().map_or(0, Vec::len);
        assert!(seqs.iter().all(|s| s.len() == len), "sequences of one length");
        let mut x = Array2::<f32>::zeros((seqs.len() * len, HIDDEN));
        for (r, (s, i)) in seqs.iter().flat_map(|s| s.iter().enumerate().map(move |(i, &id)| (id, i))).enumerate() {
            let word = self.word.row((s as usize).min(self.word.nrows() - 1));
            let mut row = x.row_mut(r);
            row += &word;
            row += &self.position.row(i);
            row += &self.token_type;
        }
        self.embed_norm.apply(&mut x);
        for layer in &self.layers {
            x = self.layer(layer, x, len);
        }
        let mut pooled = Array2::<f32>::zeros((seqs.len(), HIDDEN));
        for (i, mut row) in pooled.rows_mut().into_iter().enumerate() {
            if len > 0 {
                let rows = x.slice_axis(Axis(0), Slice::from(i * len..(i + 1) * len));
                row.assign(&rows.mean_axis(Axis(0)).unwrap_or_default());
            }
        }
        pooled
    }

    fn layer(&self, l: &Layer, x: Array2<f32>, len: usize) -> Array2<f32> {
        let (q, k, v) = (l.q.apply(&x), l.k.apply(&x), l.v.apply(&x));
        let head = HIDDEN / HEADS;
        let scale = 1.0 / (head as f32).sqrt();
        let mut ctx = Array2::<f32>::zeros(x.raw_dim());
        let mut scores = vec![0.0f32; len];
        for seq in 0..x.nrows() / len.max(1) {
            let first = seq * len;
            for h in 0..HEADS {
                let cols = Slice::from(h * head..(h + 1) * head);
                for i in 0..len {
                    let qi = q.row(first + i);
                    let qi = qi.slice_axis(Axis(0), cols);
                    for (j, sc) in scores.iter_mut().enumerate() {
                        *sc = qi.dot(&k.row(first + j).slice_axis(Axis(0), cols)) * scale;
                    }
                    let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    let mut sum = 0.0;
                    for sc in scores.iter_mut() {
                        *sc = (*sc - top).exp();
                        sum += *sc;
                    }
                    let mut row = ctx.row_mut(first + i);
                    let mut out = row.slice_axis_mut(Axis(0), cols);
                    for (j, sc) in scores.iter().enumerate() {
                        out.scaled_add(sc / sum, &v.row(first + j).slice_axis(Axis(0), cols));
                    }
                }
            }
        }
        let mut x = x + l.o.apply(&ctx);
        l.attn_norm.apply(&mut x);
        let mut up = l.up.apply(&x);
        up.mapv_inplace(gelu);
        let mut x = x + l.down.apply(&up);
        l.out_norm.apply(&mut x);
        x
    }
}

/// GELU as BERT defines it, with the error function.
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x / std::f32::consts::SQRT_2))
}

/// The error function, Abramowitz and Stegun 7.1.26 (absolute error under 1.5e-7).
fn erf(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let poly = t * (0.254_829_6 + t * (-0.284_496_7 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    let y = 1.0 - poly * (-x * x).exp();
    y.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_matches_known_values() {
        for (x, want) in [(0.0f32, 0.0f32), (0.5, 0.520_499_9), (1.0, 0.842_700_8), (-2.0, -0.995_322_3)] {
            assert!((erf(x) - want).abs() < 1e-6, "erf({x}) = {} not {want}", erf(x));
        }
    }

    #[test]
    fn a_file_that_is_not_safetensors_is_refused_with_a_reason() {
        let err = Bert::from_safetensors(b"not a model").unwrap_err();
        assert!(err.to_string().contains("model.safetensors"), "{err}");
    }
}
