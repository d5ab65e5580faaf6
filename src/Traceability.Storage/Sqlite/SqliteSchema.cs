namespace Traceability.Storage.Sqlite;

internal static class SqliteSchema
{
    // Times are Unix milliseconds (UTC) so range filters compare integers; lists are in side tables
    // keyed (value, seq) so MATCH_anyEPC / MATCH_epcClass / lot lookups are index range scans.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS organisations (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL,
            gln TEXT UNIQUE,
            api_key_hash TEXT NOT NULL UNIQUE,
            ledger_address TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            company_prefixes TEXT NOT NULL DEFAULT '[]');

        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            org_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            event_time INTEGER NOT NULL,
            record_time INTEGER NOT NULL,
            biz_step TEXT,
            disposition TEXT,
            biz_location TEXT,
            read_point TEXT,
            external INTEGER NOT NULL,
            epcs TEXT NOT NULL,
            epc_classes TEXT NOT NULL,
            lot_keys TEXT NOT NULL,
            json TEXT NOT NULL,
            standing TEXT NOT NULL DEFAULT 'custodian',
            party_glns TEXT NOT NULL DEFAULT '[]',
            unconfirmed INTEGER NOT NULL DEFAULT 0,
            view_id TEXT,
            declared INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS events_by_type ON events(event_type, seq);
        CREATE INDEX IF NOT EXISTS events_by_biz_step ON events(biz_step, seq);
        CREATE INDEX IF NOT EXISTS events_by_disposition ON events(disposition, seq);
        CREATE INDEX IF NOT EXISTS events_by_biz_location ON events(biz_location, seq);
        CREATE INDEX IF NOT EXISTS events_by_event_time ON events(event_time, seq);
        CREATE INDEX IF NOT EXISTS events_by_record_time ON events(record_time, seq);
        CREATE INDEX IF NOT EXISTS events_by_org ON events(org_id, seq);

        CREATE TABLE IF NOT EXISTS event_epcs (epc TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (epc, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS event_classes (epc_class TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (epc_class, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS event_lots (lot_key TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (lot_key, seq)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS lots (
            lot_key TEXT PRIMARY KEY,
            gtin TEXT NOT NULL,
            lot TEXT NOT NULL,
            holder_org_id TEXT,
            pending_receiver_org_id TEXT,
            non_conformant INTEGER NOT NULL,
            first_event_id TEXT NOT NULL,
            last_event_id TEXT NOT NULL,
            custodians TEXT NOT NULL DEFAULT '[]',
            non_conformant_by TEXT NOT NULL DEFAULT '[]',
            pending_receivers TEXT NOT NULL DEFAULT '[]',
            version INTEGER NOT NULL DEFAULT 1);

        CREATE TABLE IF NOT EXISTS containers (container_key TEXT PRIMARY KEY, lot_keys TEXT NOT NULL);

        -- What other API instances on this file follow: every write that changes what an index or a page shows.
        CREATE TABLE IF NOT EXISTS changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            instance TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT,
            first_event INTEGER,
            last_event INTEGER,
            at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)));

        CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);

        CREATE TABLE IF NOT EXISTS capture_jobs (
            capture_id TEXT PRIMARY KEY,
            org_id TEXT NOT NULL,
            json TEXT NOT NULL);
        """;

    // Recalls, alerts and products are small and read whole: JSON bodies plus the keys they are found by.
    public const string CreateRecalls = """
        CREATE TABLE IF NOT EXISTS recalls (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS recall_lots (lot_key TEXT NOT NULL, recall_id TEXT NOT NULL, PRIMARY KEY (lot_key, recall_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS recall_parties (org_id TEXT NOT NULL, recall_id TEXT NOT NULL, PRIMARY KEY (org_id, recall_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS recall_acks (seq INTEGER PRIMARY KEY AUTOINCREMENT, recall_id TEXT NOT NULL, json TEXT NOT NULL, org_id TEXT);
        CREATE INDEX IF NOT EXISTS recall_acks_by_recall ON recall_acks(recall_id, seq);
        CREATE TABLE IF NOT EXISTS alerts (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, lot_key TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS alerts_by_lot ON alerts(lot_key, seq);
        CREATE TABLE IF NOT EXISTS products (gtin TEXT PRIMARY KEY, json TEXT NOT NULL);
        """;

    // Anchoring state lives in narrow tables, not in the wide event rows: a pending event is one small row
    // (removed when it joins a batch), a batched event one (seq, batch, leaf) row, and "anchored" is the
    // batch's block number. Capture adds one narrow insert; the worker never rewrites an event row. A batch does not
    // copy its members' ids (batch_members and the events hold them): its leaves are read back by batch in leaf order,
    // and first_seq/last_seq mark a batch written so. Batches written before that kept the id lists (event_ids, view_ids).
    // Members name their batch by its number (batch_no), not its 66-character id: 12 bytes a member instead of ~150 with
    // the index. The indexes on batch_no are made by the migration, which adds the column to older files first.
    public const string CreateAnchoring = """
        CREATE TABLE IF NOT EXISTS pending_events (seq INTEGER PRIMARY KEY, org_id TEXT NOT NULL, record_time INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS pending_by_org ON pending_events(org_id, seq);
        CREATE TABLE IF NOT EXISTS batch_members (seq INTEGER PRIMARY KEY, batch_no INTEGER NOT NULL, leaf_index INTEGER NOT NULL);

        CREATE TABLE IF NOT EXISTS anchor_batches (
            batch_id TEXT PRIMARY KEY,
            org_id TEXT NOT NULL,
            event_ids TEXT NOT NULL,
            view_ids TEXT NOT NULL DEFAULT '[]',
            created_at INTEGER NOT NULL,
            search_from_block INTEGER NOT NULL,
            tx_hash TEXT,
            block_number INTEGER,
            anchored_by TEXT,
            anchored_at INTEGER,
            first_seq INTEGER,
            last_seq INTEGER,
            batch_no INTEGER);
        CREATE INDEX IF NOT EXISTS batches_unanchored ON anchor_batches(created_at) WHERE block_number IS NULL;
        CREATE INDEX IF NOT EXISTS batches_by_block ON anchor_batches(block_number) WHERE block_number IS NOT NULL;
        """;
}
