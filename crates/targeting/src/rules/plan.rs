//! Vectorised evaluation. A checked tree is compiled once into a flat list of operations on
//! chunk-sized registers; execution walks the rows a chunk at a time (so every register stays
//! in cache), running each operation as a tight loop over the chunk. Chunks are split across
//! threads. No tree is interpreted per row.

use super::ast::{ArithOp, CmpOp};
use super::check::TExpr;
use super::schema::{FieldSource, Level};
use crate::registry::{ColumnRef, MISSING_DAY, MISSING_U8, MISSING_U16, Registry};
use std::collections::HashMap;

/// Rows per chunk.
pub const CHUNK: usize = 1024;

/// Minimum rows per thread before work is split.
const MIN_ROWS_PER_THREAD: usize = 64 * CHUNK;

/// `min` that propagates missing values.
#[inline(always)]
pub fn min_nan(a: f32, b: f32) -> f32 {
    let m = if a < b { a } else { b };
    if a.is_nan() { a } else { m }
}

/// `max` that propagates missing values.
#[inline(always)]
pub fn max_nan(a: f32, b: f32) -> f32 {
    let m = if a > b { a } else { b };
    if a.is_nan() { a } else { m }
}

#[derive(Clone, Debug)]
enum Op {
    Load {
        dst: usize,
        src: usize,
    },
    Const {
        dst: usize,
        v: f32,
    },
    Neg {
        dst: usize,
        a: usize,
    },
    Arith {
        op: ArithOp,
        dst: usize,
        a: usize,
        b: usize,
    },
    Min {
        dst: usize,
        a: usize,
        b: usize,
    },
    Max {
        dst: usize,
        a: usize,
        b: usize,
    },
    Select {
        dst: usize,
        c: usize,
        a: usize,
        b: usize,
    },
    Cmp {
        op: CmpOp,
        dst: usize,
        a: usize,
        b: usize,
    },
    CmpConst {
        op: CmpOp,
        dst: usize,
        a: usize,
        c: f32,
    },
    Flag {
        dst: usize,
        src: usize,
    },
    CatIn {
        dst: usize,
        src: usize,
        table: usize,
    },
    Known {
        dst: usize,
        src: usize,
    },
    MaskConst {
        dst: usize,
        v: bool,
    },
    And {
        dst: usize,
        a: usize,
        b: usize,
    },
    Or {
        dst: usize,
        a: usize,
        b: usize,
    },
    Not {
        dst: usize,
        a: usize,
    },
    Log1p {
        dst: usize,
        a: usize,
    },
    Coalesce {
        dst: usize,
        a: usize,
        v: f32,
    },
    Lookup {
        dst: usize,
        src: usize,
        table: usize,
    },
}

/// Outputs of a plan: boolean columns, then numeric columns, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanOutput {
    pub masks: Vec<Vec<bool>>,
    pub numbers: Vec<Vec<f32>>,
}

/// A compiled, reusable evaluation plan over one level of the registry.
#[derive(Clone, Debug)]
pub struct Plan {
    level: Level,
    ops: Vec<Op>,
    sources: Vec<FieldSource>,
    tables: Vec<Vec<bool>>,
    points: Vec<Vec<f32>>,
    num_regs: usize,
    mask_regs: usize,
    mask_out: Vec<usize>,
    num_out: Vec<usize>,
    loads: HashMap<FieldSource, usize>,
}

impl Plan {
    /// An empty plan over rows of `level`.
    pub fn new(level: Level) -> Plan {
        Plan {
            level,
            ops: Vec::new(),
            sources: Vec::new(),
            tables: Vec::new(),
            points: Vec::new(),
            num_regs: 0,
            mask_regs: 0,
            mask_out: Vec::new(),
            num_out: Vec::new(),
            loads: HashMap::new(),
        }
    }

    pub fn level(&self) -> Level {
        self.level
    }

    /// Adds a boolean expression; returns its register (for [`Plan::combine_and`]).
    pub fn add_mask(&mut self, e: &TExpr) -> usize {
        self.mask(e)
    }

    /// Adds a numeric expression; returns its register.
    pub fn add_number(&mut self, e: &TExpr) -> usize {
        self.num(e)
    }

    /// Register holding `a and b`.
    pub fn combine_and(&mut self, a: usize, b: usize) -> usize {
        let dst = self.new_mask();
        self.ops.push(Op::And { dst, a, b });
        dst
    }

    /// Register holding constant `v` (an empty conjunction is `true`).
    pub fn mask_const(&mut self, v: bool) -> usize {
        let dst = self.new_mask();
        self.ops.push(Op::MaskConst { dst, v });
        dst
    }

    /// Register holding `if c then a else 0`.
    pub fn gate(&mut self, c: usize, a: usize) -> usize {
        let zero = self.new_num();
        self.ops.push(Op::Const { dst: zero, v: 0.0 });
        let dst = self.new_num();
        self.ops.push(Op::Select { dst, c, a, b: zero });
        dst
    }

    /// Register holding constant `v`.
    pub fn number_const(&mut self, v: f32) -> usize {
        let dst = self.new_num();
        self.ops.push(Op::Const { dst, v });
        dst
    }

    /// Register holding `a op b`.
    pub fn arith(&mut self, op: ArithOp, a: usize, b: usize) -> usize {
        let dst = self.new_num();
        self.ops.push(Op::Arith { op, dst, a, b });
        dst
    }

    /// Register holding `min(a, b)` (missing values propagate).
    pub fn min(&mut self, a: usize, b: usize) -> usize {
        let dst = self.new_num();
        self.ops.push(Op::Min { dst, a, b });
        dst
    }

    /// Register holding `max(a, b)` (missing values propagate).
    pub fn max(&mut self, a: usize, b: usize) -> usize {
        let dst = self.new_num();
        self.ops.push(Op::Max { dst, a, b });
        dst
    }

    /// Register holding `ln(1 + a)`.
    pub fn log1p(&mut self, a: usize) -> usize {
        let dst = self.new_num();
        self.ops.push(Op::Log1p { dst, a });
        dst
    }

    /// Register holding `a`, or `v` where `a` is missing.
    pub fn coalesce(&mut self, a: usize, v: f32) -> usize {
        let dst = self.new_num();
        self.ops.push(Op::Coalesce { dst, a, v });
        dst
    }

    /// Register holding `table[code]` for the stored code of a category field (`NaN` when
    /// the code is missing or beyond the table).
    pub fn lookup(&mut self, source: FieldSource, table: Vec<f32>) -> usize {
        let src = self.source(source);
        let mut padded = vec![f32::NAN; 1 << 16];
        for (slot, v) in padded.iter_mut().zip(table) {
            *slot = v;
        }
        self.points.push(padded);
        let dst = self.new_num();
        self.ops.push(Op::Lookup {
            dst,
            src,
            table: self.points.len() - 1,
        });
        dst
    }

    /// Marks a mask register as an output.
    pub fn output_mask(&mut self, reg: usize) {
        self.mask_out.push(reg);
    }

    /// Marks a numeric register as an output.
    pub fn output_number(&mut self, reg: usize) {
        self.num_out.push(reg);
    }

    fn new_num(&mut self) -> usize {
        self.num_regs += 1;
        self.num_regs - 1
    }

    fn new_mask(&mut self) -> usize {
        self.mask_regs += 1;
        self.mask_regs - 1
    }

    fn source(&mut self, s: FieldSource) -> usize {
        if let Some(i) = self.sources.iter().position(|&x| x == s) {
            return i;
        }
        self.sources.push(s);
        self.sources.len() - 1
    }

    fn num(&mut self, e: &TExpr) -> usize {
        let op = match e {
            TExpr::Const(v) => {
                let dst = self.new_num();
                self.ops.push(Op::Const { dst, v: *v });
                return dst;
            }
            TExpr::Field { source, .. } => {
                if let Some(&r) = self.loads.get(source) {
                    return r;
                }
                let src = self.source(*source);
                let dst = self.new_num();
                self.ops.push(Op::Load { dst, src });
                self.loads.insert(*source, dst);
                return dst;
            }
            TExpr::Neg(a) => {
                let a = self.num(a);
                let dst = self.new_num();
                Op::Neg { dst, a }
            }
            TExpr::Arith(op, a, b) => {
                let (a, b) = (self.num(a), self.num(b));
                let dst = self.new_num();
                Op::Arith { op: *op, dst, a, b }
            }
            TExpr::Min(a, b) => {
                let (a, b) = (self.num(a), self.num(b));
                let dst = self.new_num();
                Op::Min { dst, a, b }
            }
            TExpr::Max(a, b) => {
                let (a, b) = (self.num(a), self.num(b));
                let dst = self.new_num();
                Op::Max { dst, a, b }
            }
            TExpr::If(c, a, b) => {
                let c = self.mask(c);
                let (a, b) = (self.num(a), self.num(b));
                let dst = self.new_num();
                Op::Select { dst, c, a, b }
            }
            // Boolean nodes never reach here: the checker types them.
            other => {
                let c = self.mask(other);
                let (one, zero) = (self.new_num(), self.new_num());
                self.ops.push(Op::Const { dst: one, v: 1.0 });
                self.ops.push(Op::Const { dst: zero, v: 0.0 });
                let dst = self.new_num();
                Op::Select {
                    dst,
                    c,
                    a: one,
                    b: zero,
                }
            }
        };
        self.ops.push(op);
        self.num_regs - 1
    }

    fn mask(&mut self, e: &TExpr) -> usize {
        let op = match e {
            TExpr::BoolConst(v) => return self.mask_const(*v),
            TExpr::Cmp {
                op, left, right, ..
            } => match (&**left, &**right) {
                (l, TExpr::Const(c)) => {
                    let a = self.num(l);
                    let dst = self.new_mask();
                    Op::CmpConst {
                        op: *op,
                        dst,
                        a,
                        c: *c,
                    }
                }
                (TExpr::Const(c), r) => {
                    let a = self.num(r);
                    let dst = self.new_mask();
                    Op::CmpConst {
                        op: flip(*op),
                        dst,
                        a,
                        c: *c,
                    }
                }
                (l, r) => {
                    let (a, b) = (self.num(l), self.num(r));
                    let dst = self.new_mask();
                    Op::Cmp { op: *op, dst, a, b }
                }
            },
            TExpr::Flag { source, .. } => {
                let src = self.source(*source);
                let dst = self.new_mask();
                Op::Flag { dst, src }
            }
            TExpr::CatIn { source, table, .. } => {
                let src = self.source(*source);
                let mut padded = vec![false; 1 << 16];
                for (slot, &v) in padded.iter_mut().zip(table) {
                    *slot = v;
                }
                self.tables.push(padded);
                let dst = self.new_mask();
                Op::CatIn {
                    dst,
                    src,
                    table: self.tables.len() - 1,
                }
            }
            TExpr::Known { source, .. } => {
                let src = self.source(*source);
                let dst = self.new_mask();
                Op::Known { dst, src }
            }
            TExpr::And(a, b) => {
                let (a, b) = (self.mask(a), self.mask(b));
                return self.combine_and(a, b);
            }
            TExpr::Or(a, b) => {
                let (a, b) = (self.mask(a), self.mask(b));
                let dst = self.new_mask();
                Op::Or { dst, a, b }
            }
            TExpr::Not(a) => {
                let a = self.mask(a);
                let dst = self.new_mask();
                Op::Not { dst, a }
            }
            // Numeric nodes never reach here: the checker types them.
            other => {
                let a = self.num(other);
                let dst = self.new_mask();
                Op::CmpConst {
                    op: CmpOp::Ne,
                    dst,
                    a,
                    c: 0.0,
                }
            }
        };
        self.ops.push(op);
        self.mask_regs - 1
    }

    /// Runs the plan over every row of its level.
    pub fn run(&self, registry: &Registry) -> PlanOutput {
        let rows = match self.level {
            Level::Household => registry.household_count(),
            Level::Person => registry.person_count(),
        };
        let bound: Vec<(ColumnRef<'_>, Option<&[u32]>)> =
            self.sources.iter().map(|s| s.bind(registry)).collect();
        let mut out = PlanOutput {
            masks: vec![vec![false; rows]; self.mask_out.len()],
            numbers: vec![vec![0.0; rows]; self.num_out.len()],
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = threads.min(rows / MIN_ROWS_PER_THREAD).max(1);
        let per = rows.div_ceil(threads).div_ceil(CHUNK) * CHUNK;
        let mut mask_parts: Vec<Vec<&mut [bool]>> = (0..threads).map(|_| Vec::new()).collect();
        let mut num_parts: Vec<Vec<&mut [f32]>> = (0..threads).map(|_| Vec::new()).collect();
        for m in &mut out.masks {
            let mut rest = m.as_mut_slice();
            for part in mask_parts.iter_mut() {
                let (a, b) = rest.split_at_mut(per.min(rest.len()));
                part.push(a);
                rest = b;
            }
        }
        for m in &mut out.numbers {
            let mut rest = m.as_mut_slice();
            for part in num_parts.iter_mut() {
                let (a, b) = rest.split_at_mut(per.min(rest.len()));
                part.push(a);
                rest = b;
            }
        }
        let bound = &bound;
        if threads == 1 {
            let (m, n) = (
                mask_parts.pop().unwrap_or_default(),
                num_parts.pop().unwrap_or_default(),
            );
            self.run_range(bound, 0, rows, m, n);
        } else {
            std::thread::scope(|scope| {
                for (t, (m, n)) in mask_parts.into_iter().zip(num_parts).enumerate() {
                    let start = (t * per).min(rows);
                    let end = ((t + 1) * per).min(rows);
                    scope.spawn(move || self.run_range(bound, start, end, m, n));
                }
            });
        }
        out
    }

    fn run_range(
        &self,
        bound: &[(ColumnRef<'_>, Option<&[u32]>)],
        start: usize,
        end: usize,
        mut masks: Vec<&mut [bool]>,
        mut nums: Vec<&mut [f32]>,
    ) {
        let mut nr = vec![[0f32; CHUNK]; self.num_regs];
        let mut mr = vec![[0u8; CHUNK]; self.mask_regs];
        let tables: Vec<&[bool]> = self.tables.iter().map(Vec::as_slice).collect();
        let points: Vec<&[f32]> = self.points.iter().map(Vec::as_slice).collect();
        // Constant registers are written once: registers are never reused, so they keep
        // their value across chunks.
        let is_const = |op: &Op| matches!(op, Op::Const { .. } | Op::MaskConst { .. });
        for op in self.ops.iter().filter(|op| is_const(op)) {
            exec(op, bound, (&tables, &points), 0, CHUNK, &mut nr, &mut mr);
        }
        let ops: Vec<&Op> = self.ops.iter().filter(|op| !is_const(op)).collect();
        let mut at = start;
        while at < end {
            let len = CHUNK.min(end - at);
            for op in &ops {
                exec(op, bound, (&tables, &points), at, len, &mut nr, &mut mr);
            }
            let off = at - start;
            for (out, &r) in masks.iter_mut().zip(&self.mask_out) {
                for (o, &m) in out[off..off + len].iter_mut().zip(&mr[r][..len]) {
                    *o = m != 0;
                }
            }
            for (out, &r) in nums.iter_mut().zip(&self.num_out) {
                out[off..off + len].copy_from_slice(&nr[r][..len]);
            }
            at += len;
        }
    }
}

fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}

/// Splits a register file so that `dst` can be written while lower registers are read.
/// Operands are always allocated before their result, so `dst` is above every operand.
fn split<T>(regs: &mut [T], dst: usize) -> (&[T], &mut T) {
    let (lo, hi) = regs.split_at_mut(dst);
    (lo, &mut hi[0])
}

#[inline(always)]
fn map1<A: Copy, B>(out: &mut [B], a: &[A], f: impl Fn(A) -> B) {
    for (o, &x) in out.iter_mut().zip(a) {
        *o = f(x);
    }
}

#[inline(always)]
fn map2<A: Copy, B>(out: &mut [B], a: &[A], b: &[A], f: impl Fn(A, A) -> B) {
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        *o = f(x, y);
    }
}

macro_rules! cmp_loop {
    ($op:expr, $run:ident) => {
        match $op {
            CmpOp::Lt => $run!(|x: f32, y: f32| x < y),
            CmpOp::Le => $run!(|x: f32, y: f32| x <= y),
            CmpOp::Gt => $run!(|x: f32, y: f32| x > y),
            CmpOp::Ge => $run!(|x: f32, y: f32| x >= y),
            CmpOp::Eq => $run!(|x: f32, y: f32| x == y),
            CmpOp::Ne => $run!(|x: f32, y: f32| CmpOp::Ne.holds(x, y)),
        }
    };
}

fn load(col: ColumnRef<'_>, gather: Option<&[u32]>, at: usize, out: &mut [f32]) {
    let len = out.len();
    macro_rules! conv {
        ($c:expr, |$v:ident| $e:expr) => {
            match gather {
                None => map1(out, &$c[at..at + len], |$v| $e),
                Some(g) => map1(out, &g[at..at + len], |i| {
                    let $v = $c[i as usize];
                    $e
                }),
            }
        };
    }
    match col {
        ColumnRef::U8(c) => conv!(c, |v| if v == MISSING_U8 {
            f32::NAN
        } else {
            f32::from(v)
        }),
        ColumnRef::U16(c) => conv!(c, |v| if v == MISSING_U16 {
            f32::NAN
        } else {
            f32::from(v)
        }),
        ColumnRef::I32(c) => conv!(c, |v| if v == MISSING_DAY { f32::NAN } else { v as f32 }),
        ColumnRef::F32(c) => conv!(c, |v| v),
    }
}

/// Maps a stored column to a mask, with one function per storage type.
fn codes<A, B, C, D>(
    (col, gather): (ColumnRef<'_>, Option<&[u32]>),
    at: usize,
    out: &mut [u8],
    (f8, f16, fi, ff): (A, B, C, D),
) where
    A: Fn(u8) -> u8,
    B: Fn(u16) -> u8,
    C: Fn(i32) -> u8,
    D: Fn(f32) -> u8,
{
    let len = out.len();
    macro_rules! conv {
        ($c:expr, $f:expr) => {
            match gather {
                None => map1(out, &$c[at..at + len], $f),
                Some(g) => map1(out, &g[at..at + len], |i| $f($c[i as usize])),
            }
        };
    }
    match col {
        ColumnRef::U8(c) => conv!(c, &f8),
        ColumnRef::U16(c) => conv!(c, &f16),
        ColumnRef::I32(c) => conv!(c, &fi),
        ColumnRef::F32(c) => conv!(c, &ff),
    }
}

fn exec(
    op: &Op,
    bound: &[(ColumnRef<'_>, Option<&[u32]>)],
    (tables, points): (&[&[bool]], &[&[f32]]),
    at: usize,
    len: usize,
    nr: &mut [[f32; CHUNK]],
    mr: &mut [[u8; CHUNK]],
) {
    match *op {
        Op::Load { dst, src } => load(bound[src].0, bound[src].1, at, &mut nr[dst][..len]),
        Op::Const { dst, v } => nr[dst][..len].fill(v),
        Op::Neg { dst, a } => {
            let (lo, o) = split(nr, dst);
            map1(&mut o[..len], &lo[a][..len], |x| -x);
        }
        Op::Arith { op, dst, a, b } => {
            let (lo, o) = split(nr, dst);
            let (o, a, b) = (&mut o[..len], &lo[a][..len], &lo[b][..len]);
            match op {
                ArithOp::Add => map2(o, a, b, |x, y| x + y),
                ArithOp::Sub => map2(o, a, b, |x, y| x - y),
                ArithOp::Mul => map2(o, a, b, |x, y| x * y),
                ArithOp::Div => map2(o, a, b, |x, y| ArithOp::Div.apply(x, y)),
            }
        }
        Op::Min { dst, a, b } => {
            let (lo, o) = split(nr, dst);
            map2(&mut o[..len], &lo[a][..len], &lo[b][..len], min_nan);
        }
        Op::Max { dst, a, b } => {
            let (lo, o) = split(nr, dst);
            map2(&mut o[..len], &lo[a][..len], &lo[b][..len], max_nan);
        }
        Op::Select { dst, c, a, b } => {
            let (lo, o) = split(nr, dst);
            let (c, a, b) = (&mr[c][..len], &lo[a][..len], &lo[b][..len]);
            for (((o, &c), &x), &y) in o[..len].iter_mut().zip(c).zip(a).zip(b) {
                *o = if c != 0 { x } else { y };
            }
        }
        Op::Cmp { op, dst, a, b } => {
            let (a, b) = (&nr[a][..len], &nr[b][..len]);
            let o = &mut mr[dst][..len];
            macro_rules! run {
                ($f:expr) => {{
                    let f = $f;
                    map2(o, a, b, |x, y| u8::from(f(x, y)))
                }};
            }
            cmp_loop!(op, run);
        }
        Op::CmpConst { op, dst, a, c } => {
            let a = &nr[a][..len];
            let o = &mut mr[dst][..len];
            macro_rules! run {
                ($f:expr) => {{
                    let f = $f;
                    map1(o, a, |x| u8::from(f(x, c)))
                }};
            }
            cmp_loop!(op, run);
        }
        Op::Flag { dst, src } => codes(
            bound[src],
            at,
            &mut mr[dst][..len],
            (
                |v| u8::from(v == 1),
                |v| u8::from(v == 1),
                |v| u8::from(v == 1),
                |v| u8::from(v == 1.0),
            ),
        ),
        Op::CatIn { dst, src, table } => {
            let t = tables[table];
            let t8: &[bool; 256] = t
                .get(..256)
                .and_then(|s| s.try_into().ok())
                .unwrap_or(&[false; 256]);
            codes(
                bound[src],
                at,
                &mut mr[dst][..len],
                (
                    |v| u8::from(v != MISSING_U8 && t8[usize::from(v)]),
                    |v| {
                        u8::from(
                            v != MISSING_U16 && t.get(usize::from(v)).copied().unwrap_or(false),
                        )
                    },
                    |_| 0,
                    |_| 0,
                ),
            );
        }
        Op::Known { dst, src } => codes(
            bound[src],
            at,
            &mut mr[dst][..len],
            (
                |v| u8::from(v != MISSING_U8),
                |v| u8::from(v != MISSING_U16),
                |v| u8::from(v != MISSING_DAY),
                |v| u8::from(!v.is_nan()),
            ),
        ),
        Op::MaskConst { dst, v } => mr[dst][..len].fill(u8::from(v)),
        Op::And { dst, a, b } => {
            let (lo, o) = split(mr, dst);
            map2(&mut o[..len], &lo[a][..len], &lo[b][..len], |x, y| x & y);
        }
        Op::Or { dst, a, b } => {
            let (lo, o) = split(mr, dst);
            map2(&mut o[..len], &lo[a][..len], &lo[b][..len], |x, y| x | y);
        }
        Op::Not { dst, a } => {
            let (lo, o) = split(mr, dst);
            map1(&mut o[..len], &lo[a][..len], |x| x ^ 1);
        }
        Op::Log1p { dst, a } => {
            let (lo, o) = split(nr, dst);
            map1(&mut o[..len], &lo[a][..len], f32::ln_1p);
        }
        Op::Coalesce { dst, a, v } => {
            let (lo, o) = split(nr, dst);
            map1(
                &mut o[..len],
                &lo[a][..len],
                |x| if x.is_nan() { v } else { x },
            );
        }
        Op::Lookup { dst, src, table } => {
            let t = points[table];
            let (col, gather) = bound[src];
            let o = &mut nr[dst][..len];
            let at16 = |v: u16| t.get(usize::from(v)).copied().unwrap_or(f32::NAN);
            match (col, gather) {
                (ColumnRef::U8(c), None) => map1(o, &c[at..at + len], |v| at16(u16::from(v))),
                (ColumnRef::U16(c), None) => map1(o, &c[at..at + len], at16),
                (ColumnRef::U8(c), Some(g)) => {
                    map1(o, &g[at..at + len], |i| at16(u16::from(c[i as usize])))
                }
                (ColumnRef::U16(c), Some(g)) => map1(o, &g[at..at + len], |i| at16(c[i as usize])),
                _ => o.fill(f32::NAN),
            }
        }
    }
}
