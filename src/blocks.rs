//! A text's bytes read 64 at a time into bit masks, one bit a byte: the sentence splitter's line
//! ends and terminators, the code-point offsets' continuation bytes. On x86_64, SSE2 tests 16
//! bytes at once; elsewhere a byte loop gives the same masks.

/// Bytes a block holds: one bit of a `u64` each.
pub const BLOCK: usize = 64;

/// The mask of up to a block's `bytes` (bit `i` for byte `i`) that `is` holds for, a byte at a
/// time: for a text's last, short block, and for whole blocks where SSE2 is not there.
pub fn mask_by_byte(bytes: &[u8], is: impl Fn(u8) -> bool) -> u64 {
    debug_assert!(bytes.len() <= BLOCK);
    bytes.iter().enumerate().fold(0, |mask, (i, &b)| mask | u64::from(is(b)) << i)
}

/// The mask of a block, sixteen bytes at a time: `lane` sets each byte of its 16 (all ones) that
/// counts, as SSE2's comparisons do. The SSE2 intrinsics `lane` calls are `unsafe` to call (they
/// are `#[target_feature]` functions) and sound on every x86_64 processor.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn mask_by_lane(
    block: &[u8; BLOCK],
    lane: impl Fn(std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i,
) -> u64 {
    use std::arch::x86_64::{_mm_loadu_si128, _mm_movemask_epi8};
    let mut mask = 0u64;
    for (k, bytes) in block.chunks_exact(16).enumerate() {
        // SAFETY: SSE2 is part of x86_64 itself, so every processor this is built for has it;
        // the load reads the 16 bytes of `bytes`, unaligned.
        let v = unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) };
        // SAFETY: as above, SSE2.
        mask |= u64::from(unsafe { _mm_movemask_epi8(lane(v)) } as u16) << (16 * k);
    }
    mask
}

/// Checks that `mask` marks a byte of a block exactly where `is` holds: every byte value, alone
/// in a block of `x`, at each end of the block and on both sides of a lane's edge.
#[cfg(test)]
pub fn assert_masks_each_byte(mask: impl Fn(&[u8; BLOCK]) -> u64, is: impl Fn(u8) -> bool) {
    assert!(!is(b'x'), "the filler is marked");
    for b in 0..=255u8 {
        for at in [0, 15, 16, 37, BLOCK - 1] {
            let mut block = [b'x'; BLOCK];
            block[at] = b;
            assert_eq!(mask(&block), u64::from(is(b)) << at, "{b:#04x} at {at}");
        }
    }
}
