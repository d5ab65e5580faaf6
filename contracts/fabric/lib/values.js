'use strict';

// Named errors and argument parsing. Every refusal is a ChaincodeError whose message starts with its name
// ("AlreadyAnchored: …"), so clients can tell them apart as they tell the EVM contract's custom errors apart.

class ChaincodeError extends Error {
    constructor(name, detail) {
        super(`${name}: ${detail}`);
        this.name = name;
    }
}

const fail = (name, detail) => { throw new ChaincodeError(name, detail); };

// Same order and numbers as TraceRegistry.sol's Role enum.
const ROLES = Object.freeze(['None', 'Producer', 'Lab', 'Retailer', 'Regulator', 'Distributor']);

const MAX_RECALL_KEYS = 1000;
const MAX_REASON_LENGTH = 2000;
const MAX_ORG_ID_LENGTH = 200;
const MAX_EVENT_COUNT = 0xffffffff; // uint32, as on the EVM
const ZERO_HASH = '0'.repeat(64);

/** A 32-byte hash as 64 hex digits (an optional 0x is dropped), lower-cased. */
function parseHash(value, what) {
    const text = typeof value === 'string' && /^0x/i.test(value) ? value.slice(2) : value;
    if (typeof text !== 'string' || !/^[0-9a-fA-F]{64}$/.test(text)) {
        fail('InvalidArgument', `${what} must be 32 bytes as 64 hex digits`);
    }
    return text.toLowerCase();
}

/** A root to anchor: a hash that is not all zeros. */
function parseRoot(value) {
    const root = parseHash(value, 'root');
    if (root === ZERO_HASH) fail('EmptyRoot', 'the root is all zeros');
    return root;
}

/** The number of leaves under a root: a decimal integer from 1 to 2^32-1. */
function parseEventCount(value) {
    if (typeof value !== 'string' || !/^[0-9]{1,10}$/.test(value)) {
        fail('InvalidArgument', 'count must be a decimal integer');
    }
    const count = Number(value);
    if (count === 0) fail('ZeroEventCount', 'a root must cover at least one event');
    if (count > MAX_EVENT_COUNT) fail('InvalidArgument', `count must not exceed ${MAX_EVENT_COUNT}`);
    return count;
}

/** An MSP id as Fabric allows it in channel configuration. */
function parseMspId(value) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(value)) {
        fail('InvalidArgument', 'mspId must be 1-128 letters, digits, dots, dashes or underscores');
    }
    return value;
}

/** A role by name ("Producer") or by its number in the Solidity enum ("1"); None is not a role to register. */
function parseRole(value) {
    const index = /^[0-9]$/.test(value) ? Number(value) : ROLES.indexOf(value);
    if (index <= 0 || index >= ROLES.length) fail('InvalidRole', `${JSON.stringify(value)} is not one of ${ROLES.slice(1).join(', ')}`);
    return ROLES[index];
}

function parseBoolean(value, what) {
    if (value !== 'true' && value !== 'false') fail('InvalidArgument', `${what} must be true or false`);
    return value === 'true';
}

/** A JSON array of 1 to 1,000 lot keys, duplicates dropped (a transaction does not read its own writes). */
function parseLotKeys(value) {
    let keys;
    try {
        keys = JSON.parse(value);
    } catch {
        fail('InvalidArgument', 'lotKeys must be a JSON array of hashes');
    }
    if (!Array.isArray(keys)) fail('InvalidArgument', 'lotKeys must be a JSON array of hashes');
    if (keys.length === 0) fail('EmptyRecall', 'no lot keys given');
    if (keys.length > MAX_RECALL_KEYS) fail('InvalidArgument', `at most ${MAX_RECALL_KEYS} lot keys per transaction`);
    return [...new Set(keys.map((k) => parseHash(k, 'lot key')))];
}

function parseText(value, what, maxLength) {
    if (typeof value !== 'string' || value.length > maxLength) fail('InvalidArgument', `${what} must be text of at most ${maxLength} characters`);
    return value;
}

module.exports = {
    ChaincodeError, fail, ROLES, MAX_RECALL_KEYS, MAX_REASON_LENGTH, MAX_ORG_ID_LENGTH,
    parseHash, parseRoot, parseEventCount, parseMspId, parseRole, parseBoolean, parseLotKeys, parseText,
};
