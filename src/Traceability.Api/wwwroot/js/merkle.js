// RFC 6962 Merkle hashing and RFC 9162 §2.1.3.2 inclusion-proof verification, with WebCrypto SHA-256.
// A port of Traceability.Ledger/Merkle (MerkleHash, MerkleProof): same tree shape, same path order (leaf upwards),
// same refusals. The .NET tests check proofs from MerkleTree verify here, and fail once any byte, index or size moves.
//
// Exports:
//   leafHash(data) → Promise<Uint8Array>            SHA-256(0x00 ‖ data)
//   nodeHash(left, right) → Promise<Uint8Array>     SHA-256(0x01 ‖ left ‖ right)
//   verifyInclusion(leafDigest, leafIndex, treeSize, auditPath, expectedRoot)
//     → Promise<{ ok: boolean, computedRoot: string | null, reason: string | null }>
//       leafDigest: the 32-byte digest from the event id (hashed here with the 0x00 prefix);
//       auditPath, expectedRoot: Uint8Array or hex strings ("0x…" or bare); computedRoot: "0x…" hex when computed;
//       reason when not ok: 'malformed-root' | 'index-out-of-range' | 'malformed-hash' | 'path-too-long' |
//       'path-too-short' | 'root-mismatch'.
//   hexToBytes(text) → Uint8Array | null, bytesToHex(bytes) → "0x…"

export const HASH_SIZE = 32;

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** SHA-256(0x00 ‖ data). */
export async function leafHash(data) {
  const input = new Uint8Array(1 + data.length);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

/** SHA-256(0x01 ‖ left ‖ right). */
export async function nodeHash(left, right) {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/** Bytes of a hex string with or without 0x; null when it is not whole bytes of hex. */
export function hexToBytes(text) {
  if (text instanceof Uint8Array) return text;
  if (typeof text !== 'string') return null;
  const hex = text.startsWith('0x') || text.startsWith('0X') ? text.slice(2) : text;
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** "0x" and lowercase hex. */
export function bytesToHex(bytes) {
  return '0x' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const failed = (reason, computedRoot = null) => ({ ok: false, computedRoot, reason });

/**
 * Whether the leaf with this digest sits at leafIndex of the treeSize-leaf tree whose root is expectedRoot.
 * Malformed proofs give ok: false with a reason, never an exception.
 */
export async function verifyInclusion(leafDigest, leafIndex, treeSize, auditPath, expectedRoot) {
  const expected = hexToBytes(expectedRoot);
  if (expected === null || expected.length !== HASH_SIZE) return failed('malformed-root');
  const data = hexToBytes(leafDigest);
  if (data === null) return failed('malformed-hash');
  const computed = await rootFromPath(await leafHash(data), leafIndex, treeSize, Array.isArray(auditPath) ? auditPath : null);
  if (typeof computed === 'string') return failed(computed);
  const computedRoot = bytesToHex(computed);
  return computedRoot === bytesToHex(expected) ? { ok: true, computedRoot, reason: null } : failed('root-mismatch', computedRoot);
}

// RFC 9162 §2.1.3.2: fn walks the leaf's position upwards, sn the last position at each height. Returns the root,
// or the reason it cannot be computed. Plain arithmetic, not bit operations, so sizes above 2^31 work too.
async function rootFromPath(leaf, leafIndex, treeSize, auditPath) {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    return 'index-out-of-range';
  }
  if (auditPath === null) return 'malformed-hash';
  let fn = leafIndex;
  let sn = treeSize - 1;
  let root = leaf;
  for (const element of auditPath) {
    if (sn === 0) return 'path-too-long';
    const sibling = hexToBytes(element);
    if (sibling === null || sibling.length !== HASH_SIZE) return 'malformed-hash';
    if (fn % 2 === 1 || fn === sn) {
      root = await nodeHash(sibling, root);
      // A last node with no right sibling rises unchanged until it becomes a right child.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      root = await nodeHash(root, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? root : 'path-too-short';
}
