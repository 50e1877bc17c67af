//! Just enough H.264 bitstream handling to repeat a still picture cheaply: read the
//! few fields of the encoder's SPS and PPS that a slice header needs, and write a
//! P picture whose macroblocks are all skipped (a copy of the previous picture).
//!
//! A slide holds still for most of its time. Encoding 300 identical 1080p frames costs
//! about 7 s of CPU; writing 300 all-skip pictures costs nothing, and each is a few
//! bytes. The pictures are reference pictures that continue the encoder's frame
//! numbering after its keyframe, so any conforming decoder shows the keyframe again.
//!
//! Every slide's segment, and every crossfade, starts from a fresh encoder, and each
//! writes its first IDR picture with the same `idr_pic_id` (openh264 0.9 writes 1).
//! [`set_idr_pic_id`] rewrites that field so consecutive IDR pictures differ, as the
//! standard asks (7.4.3).

/// Reads bits, most significant first, from an RBSP (emulation prevention removed).
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Bits<'a> {
    fn u(&mut self, n: u32) -> Option<u32> {
        let mut v = 0;
        for _ in 0..n {
            let byte = *self.data.get(self.pos / 8)?;
            v = (v << 1) | u32::from((byte >> (7 - self.pos % 8)) & 1);
            self.pos += 1;
        }
        Some(v)
    }

    fn ue(&mut self) -> Option<u32> {
        let mut zeros = 0;
        while self.u(1)? == 0 {
            zeros += 1;
            if zeros > 31 {
                return None;
            }
        }
        Some((1u32 << zeros) - 1 + self.u(zeros)?)
    }

    fn se(&mut self) -> Option<i32> {
        let k = self.ue()?;
        Some(if k % 2 == 1 {
            k.div_ceil(2) as i32
        } else {
            -((k / 2) as i32)
        })
    }
}

/// Writes bits, most significant first.
#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    bit: u32,
}

impl Writer {
    fn u(&mut self, n: u32, v: u32) {
        for i in (0..n).rev() {
            if self.bit.is_multiple_of(8) {
                self.out.push(0);
            }
            let last = self.out.last_mut().expect("pushed");
            *last |= (((v >> i) & 1) as u8) << (7 - self.bit % 8);
            self.bit += 1;
        }
    }

    fn ue(&mut self, v: u32) {
        let x = v + 1;
        let len = 32 - x.leading_zeros();
        self.u(len - 1, 0);
        self.u(len, x);
    }

    fn se(&mut self, v: i32) {
        self.ue(if v > 0 {
            (2 * v - 1) as u32
        } else {
            (-2 * v) as u32
        });
    }

    /// rbsp_trailing_bits.
    fn finish(mut self) -> Vec<u8> {
        self.u(1, 1);
        while !self.bit.is_multiple_of(8) {
            self.u(1, 0);
        }
        self.out
    }
}

/// The NAL units of an Annex B stream (start codes removed).
pub fn nal_units(stream: &[u8]) -> Vec<&[u8]> {
    let mut starts = Vec::new();
    let mut i = 0;
    while i + 3 <= stream.len() {
        if stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1 {
            starts.push(i + 3);
            i += 3;
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let mut e = starts.get(k + 1).map_or(stream.len(), |n| n - 3);
        // A four-byte start code leaves a zero before the next one.
        while e > s && stream[e - 1] == 0 {
            e -= 1;
        }
        out.push(&stream[s..e]);
    }
    out
}

fn unescape(nal: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(nal.len());
    let mut zeros = 0;
    for &b in nal {
        if zeros >= 2 && b == 3 {
            zeros = 0;
            continue;
        }
        zeros = if b == 0 { zeros + 1 } else { 0 };
        out.push(b);
    }
    out
}

fn escape(rbsp: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rbsp.len() + 8);
    let mut zeros = 0;
    for &b in rbsp {
        if zeros >= 2 && b <= 3 {
            out.push(3);
            zeros = 0;
        }
        zeros = if b == 0 { zeros + 1 } else { 0 };
        out.push(b);
    }
    out
}

/// The bits of an RBSP up to its `rbsp_stop_one_bit` (the last 1 bit), or `None` if it
/// has none.
fn payload_bits(rbsp: &[u8]) -> Option<usize> {
    let last = rbsp.iter().rposition(|&b| b != 0)?;
    Some(last * 8 + 7 - rbsp[last].trailing_zeros() as usize)
}

/// Rewrite the `idr_pic_id` of every IDR slice (NAL type 5) of an Annex B access unit
/// to `id` (0 to 65535), with the rest of each slice copied bit for bit after it (the
/// field is Exp-Golomb coded, so its length can change). Other NAL units are copied
/// unchanged; every NAL unit is written with a four-byte start code. `None` if a slice
/// cannot be parsed with these parameters or `id` is out of range.
pub fn set_idr_pic_id(au: &[u8], p: &Params, id: u32) -> Option<Vec<u8>> {
    if id > 65535 {
        return None;
    }
    let mut out = Vec::with_capacity(au.len() + 8);
    for nal in nal_units(au) {
        out.extend_from_slice(&[0, 0, 0, 1]);
        let header = *nal.first()?;
        if header & 0x1f != 5 {
            out.extend_from_slice(nal);
            continue;
        }
        let rbsp = unescape(&nal[1..]);
        let end = payload_bits(&rbsp)?;
        let mut b = Bits {
            data: &rbsp,
            pos: 0,
        };
        b.ue()?; // first_mb_in_slice
        b.ue()?; // slice_type
        b.ue()?; // pic_parameter_set_id
        b.u(p.log2_max_frame_num)?; // frame_num (frame_mbs_only: no field flags)
        let start = b.pos;
        b.ue()?; // idr_pic_id
        let rest = b.pos;
        if rest > end {
            return None;
        }
        let mut w = Writer::default();
        let mut copy = Bits {
            data: &rbsp,
            pos: 0,
        };
        while copy.pos < start {
            let n = (start - copy.pos).min(32) as u32;
            w.u(n, copy.u(n)?);
        }
        w.ue(id);
        copy.pos = rest;
        while copy.pos < end {
            let n = (end - copy.pos).min(32) as u32;
            w.u(n, copy.u(n)?);
        }
        out.push(header);
        out.extend(escape(&w.finish()));
    }
    Some(out)
}

/// Whether an Annex B access unit holds an IDR slice (NAL type 5).
pub fn has_idr(au: &[u8]) -> bool {
    nal_units(au)
        .iter()
        .any(|n| n.first().is_some_and(|h| h & 0x1f == 5))
}

/// The `idr_pic_id` of the first IDR slice of an Annex B access unit, if it has one.
pub fn idr_pic_id(au: &[u8], p: &Params) -> Option<u32> {
    let nal = nal_units(au)
        .into_iter()
        .find(|n| n.first().is_some_and(|h| h & 0x1f == 5))?;
    let rbsp = unescape(&nal[1..]);
    let mut b = Bits {
        data: &rbsp,
        pos: 0,
    };
    b.ue()?;
    b.ue()?;
    b.ue()?;
    b.u(p.log2_max_frame_num)?;
    b.ue()
}

/// What a slice header needs from the SPS and PPS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    log2_max_frame_num: u32,
    poc_type: u32,
    log2_max_poc_lsb: u32,
    mbs: u32,
    pps_id: u32,
    bottom_field_poc: bool,
    redundant_pic_cnt: bool,
    deblocking_control: bool,
}

/// Read the parameters from a stream holding an SPS and a PPS (an encoder's first
/// keyframe). `None` for streams this writer cannot continue (interlaced, CABAC,
/// picture order type 1, several slice groups).
pub fn params(stream: &[u8]) -> Option<Params> {
    let mut sps = None;
    let mut pps = None;
    for nal in nal_units(stream) {
        match nal.first()? & 0x1f {
            7 => sps = Some(unescape(&nal[1..])),
            8 => pps = Some(unescape(&nal[1..])),
            _ => {}
        }
    }
    let sps = sps?;
    let mut b = Bits { data: &sps, pos: 0 };
    let profile = b.u(8)?;
    b.u(16)?; // constraint flags, level
    b.ue()?; // sps id
    if matches!(
        profile,
        100 | 110 | 122 | 244 | 44 | 83 | 86 | 118 | 128 | 138 | 139 | 134 | 135
    ) {
        return None; // High profiles carry more fields; openh264 writes Baseline
    }
    let log2_max_frame_num = b.ue()? + 4;
    let poc_type = b.ue()?;
    let log2_max_poc_lsb = match poc_type {
        0 => b.ue()? + 4,
        2 => 0,
        _ => return None,
    };
    b.ue()?; // max_num_ref_frames
    b.u(1)?; // gaps allowed
    let w = b.ue()? + 1;
    let h = b.ue()? + 1;
    if b.u(1)? != 1 {
        return None; // interlaced
    }
    let pps = pps?;
    let mut p = Bits { data: &pps, pos: 0 };
    let pps_id = p.ue()?;
    p.ue()?; // sps id
    let cabac = p.u(1)? == 1;
    let bottom_field_poc = p.u(1)? == 1;
    if p.ue()? != 0 {
        return None; // slice groups
    }
    p.ue()?; // num_ref_idx_l0_default_active_minus1
    p.ue()?; // l1
    let weighted_pred = p.u(1)? == 1;
    p.u(2)?; // weighted_bipred_idc
    p.se()?; // pic_init_qp
    p.se()?; // pic_init_qs
    p.se()?; // chroma_qp_index_offset
    let deblocking_control = p.u(1)? == 1;
    p.u(1)?; // constrained_intra_pred
    let redundant_pic_cnt = p.u(1)? == 1;
    if cabac || weighted_pred {
        return None;
    }
    Some(Params {
        log2_max_frame_num,
        poc_type,
        log2_max_poc_lsb,
        mbs: w * h,
        pps_id,
        bottom_field_poc,
        redundant_pic_cnt,
        deblocking_control,
    })
}

/// An Annex B access unit: a P picture with every macroblock skipped, the `n`th picture
/// after the keyframe (frame_num `n`, picture order `2n`), a reference picture.
pub fn skip_picture(p: &Params, n: u32) -> Vec<u8> {
    let mut w = Writer::default();
    w.ue(0); // first_mb_in_slice
    w.ue(5); // slice_type: P, all slices
    w.ue(p.pps_id);
    w.u(p.log2_max_frame_num, n & ((1 << p.log2_max_frame_num) - 1));
    if p.poc_type == 0 {
        w.u(
            p.log2_max_poc_lsb,
            (2 * n) & ((1 << p.log2_max_poc_lsb) - 1),
        );
        if p.bottom_field_poc {
            w.se(0);
        }
    }
    if p.redundant_pic_cnt {
        w.ue(0);
    }
    w.u(1, 0); // num_ref_idx_active_override_flag
    w.u(1, 0); // ref_pic_list_modification_flag_l0
    w.u(1, 0); // adaptive_ref_pic_marking_mode_flag: sliding window
    w.se(0); // slice_qp_delta
    if p.deblocking_control {
        w.ue(1); // disable_deblocking_filter_idc: nothing to filter in a copy
    }
    w.ue(p.mbs); // mb_skip_run: the whole picture
    let rbsp = w.finish();
    let mut au = vec![0, 0, 0, 1, 0x41]; // nal_ref_idc 2, coded slice of a non-IDR picture
    au.extend(escape(&rbsp));
    au
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_golomb_round_trips() {
        let mut w = Writer::default();
        for v in [0u32, 1, 2, 3, 7, 8, 255, 8160] {
            w.ue(v);
        }
        for v in [0i32, 1, -1, 5, -7] {
            w.se(v);
        }
        let bytes = w.finish();
        let mut b = Bits {
            data: &bytes,
            pos: 0,
        };
        for v in [0u32, 1, 2, 3, 7, 8, 255, 8160] {
            assert_eq!(b.ue(), Some(v));
        }
        for v in [0i32, 1, -1, 5, -7] {
            assert_eq!(b.se(), Some(v));
        }
    }

    /// An IDR slice NAL unit (Annex B) whose header has `idr_pic_id` = `id`, followed by
    /// `tail` (bits, as 0/1), with the SPS fields `p` gives.
    fn idr_slice(p: &Params, id: u32, tail: &[u32]) -> Vec<u8> {
        let mut w = Writer::default();
        w.ue(0); // first_mb_in_slice
        w.ue(7); // slice_type I
        w.ue(p.pps_id);
        w.u(p.log2_max_frame_num, 0);
        w.ue(id);
        for &b in tail {
            w.u(1, b);
        }
        let mut au = vec![0, 0, 0, 1, 0x65];
        au.extend(escape(&w.finish()));
        au
    }

    #[test]
    fn idr_pic_id_is_rewritten_and_the_rest_kept_bit_for_bit() {
        let p = Params {
            log2_max_frame_num: 15,
            poc_type: 2,
            log2_max_poc_lsb: 0,
            mbs: 8160,
            pps_id: 0,
            bottom_field_poc: false,
            redundant_pic_cnt: false,
            deblocking_control: true,
        };
        // A tail with zero runs long enough to need emulation prevention, and ending in
        // zero bits so the stop bit is not the last payload bit.
        let tail: Vec<u32> = (0..203)
            .map(|i| u32::from(i % 7 == 0 || i % 11 == 3) * u32::from(!(150..=180).contains(&i)))
            .chain([1, 0, 0, 0])
            .collect();
        let sps = [0u8, 0, 0, 1, 0x67, 0x42, 0xc0, 0x28];
        for (from, to) in [(0, 1), (0, 65535), (7, 0), (1, 2), (300, 300)] {
            let original = idr_slice(&p, from, &tail);
            let mut au = sps.to_vec();
            au.extend(&original);
            let out = set_idr_pic_id(&au, &p, to).unwrap();
            assert_eq!(idr_pic_id(&out, &p), Some(to));
            assert_eq!(out, [sps.to_vec(), idr_slice(&p, to, &tail)].concat());
            assert!(has_idr(&out));
        }
        assert_eq!(set_idr_pic_id(&idr_slice(&p, 0, &tail), &p, 65536), None);
        // Other NAL units pass through untouched.
        let skip = skip_picture(&p, 3);
        assert_eq!(set_idr_pic_id(&skip, &p, 9).unwrap(), skip);
        assert!(!has_idr(&skip));
    }

    #[test]
    fn emulation_prevention_round_trips() {
        let raw = [0u8, 0, 1, 0, 0, 0, 0, 0, 3, 5, 0, 0];
        let e = escape(&raw);
        assert!(!e.windows(3).any(|w| w[0] == 0 && w[1] == 0 && w[2] <= 2));
        assert_eq!(unescape(&e), raw);
    }
}
