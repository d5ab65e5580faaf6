// The network's shape and the files that describe it: organisations, crypto-config.yaml for cryptogen,
// configtx.yaml for configtxgen (both written by us), where cryptogen puts every certificate and key,
// and the environment each Fabric process runs with (overriding the copied sample core.yaml/orderer.yaml).
import path from 'node:path';

export const CHANNEL = 'trace';
export const CHAINCODE = 'trace-registry';
export const CHAINCODE_VERSION = '1.0';
export const CONSORTIUM_ADMIN_MSP = 'Org1MSP';

/** The organisations that run a peer each: Org1 (the consortium admin) and Org2. Both endorse every transaction. */
export const PEER_ORGS = [
  { name: 'Org1', mspId: 'Org1MSP', domain: 'org1.example.com', peers: 1 },
  { name: 'Org2', mspId: 'Org2MSP', domain: 'org2.example.com', peers: 1 },
];

/** Member organisations without a peer, Org3 … Org{2+count}: each member of the consortium gets an MSP of its own. */
export const memberOrgs = (count) => Array.from({ length: count }, (_, i) => {
  const n = i + 3;
  return { name: `Org${n}`, mspId: `Org${n}MSP`, domain: `org${n}.example.com`, peers: 0 };
});

/** Every organisation of a network created with `memberCount` member organisations. */
export const organisations = (memberCount) => [...PEER_ORGS, ...memberOrgs(memberCount)];

/** Default member count: the demo's eleven organisations and a few more. */
export const DEFAULT_MEMBER_ORGS = 16;

/**
 * Tunables with their defaults; each can be set from the environment and is kept in state.json, so a restart
 * rebuilds the same layout. A network created before member counts existed had one member (Org3).
 */
export function tunables(env) {
  const members = Number(env.FABRIC_MEMBER_ORGS || DEFAULT_MEMBER_ORGS);
  if (!Number.isInteger(members) || members < 1 || members > 500) throw new Error('FABRIC_MEMBER_ORGS must be a whole number from 1 to 500');
  return {
    batchTimeout: env.FABRIC_BATCH_TIMEOUT || '250ms',
    maxMessageCount: Number(env.FABRIC_BATCH_MAX_MESSAGES || 500),
    memberOrgs: members,
  };
}

/** The network's organisations as its state.json recorded them. */
export const organisationsOf = (state) => organisations(state.tunables?.memberOrgs ?? 1);

export function cryptoConfig(orgs) {
  const sans = '      SANS: [localhost, 127.0.0.1]';
  return [
    'OrdererOrgs:',
    '  - Name: Orderer',
    '    Domain: example.com',
    '    EnableNodeOUs: true',
    '    Specs:',
    '      - Hostname: orderer',
    '        SANS: [localhost, 127.0.0.1]',
    'PeerOrgs:',
    ...orgs.flatMap((o) => [
      `  - Name: ${o.name}`,
      `    Domain: ${o.domain}`,
      '    EnableNodeOUs: true',
      '    Template:',
      `      Count: ${o.peers}`,
      sans,
      '    Users:',
      '      Count: 1',
    ]),
    '',
  ].join('\n');
}

/** Where cryptogen put everything, absolute; `orgs` are the organisations whose files are wanted. */
export function cryptoPaths(dataDir, orgs = PEER_ORGS) {
  const crypto = path.join(dataDir, 'crypto');
  const ordererOrg = path.join(crypto, 'ordererOrganizations', 'example.com');
  const ordererNode = path.join(ordererOrg, 'orderers', 'orderer.example.com');
  const ordererAdmin = path.join(ordererOrg, 'users', 'Admin@example.com');
  const org = (o) => {
    const base = path.join(crypto, 'peerOrganizations', o.domain);
    const peerHost = `peer0.${o.domain}`;
    const peer = path.join(base, 'peers', peerHost);
    const user = (name) => {
      const id = `${name}@${o.domain}`;
      const msp = path.join(base, 'users', id, 'msp');
      return { msp, certificateFile: path.join(msp, 'signcerts', `${id}-cert.pem`), privateKeyFile: path.join(msp, 'keystore', 'priv_sk') };
    };
    return {
      msp: path.join(base, 'msp'),
      tlsCaFile: path.join(base, 'tlsca', `tlsca.${o.domain}-cert.pem`),
      peerHost,
      peerMsp: path.join(peer, 'msp'),
      peerTls: path.join(peer, 'tls'),
      admin: user('Admin'),
      user: user('User1'),
    };
  };
  return {
    ordererOrgMsp: path.join(ordererOrg, 'msp'),
    ordererMsp: path.join(ordererNode, 'msp'),
    ordererTls: path.join(ordererNode, 'tls'),
    ordererTlsCaFile: path.join(ordererOrg, 'tlsca', 'tlsca.example.com-cert.pem'),
    ordererAdminTls: path.join(ordererAdmin, 'tls'),
    orgs: Object.fromEntries(orgs.map((o) => [o.mspId, org(o)])),
  };
}

/**
 * The channel's configuration. Endorsement and LifecycleEndorsement are signature policies naming the peer
 * organisations (both must endorse), not `MAJORITY Endorsement`: an implicit majority counts every application
 * organisation, and members without a peer can never endorse, so with more than two of them no transaction (and no
 * chaincode commit) could ever be endorsed.
 */
export function configtx(dataDir, ports, { batchTimeout, maxMessageCount, memberOrgs: memberCount }) {
  const all = organisations(memberCount);
  const p = cryptoPaths(dataDir, all);
  const sig = (rule) => `{ Type: Signature, Rule: "${rule}" }`;
  const meta = (rule) => `{ Type: ImplicitMeta, Rule: "${rule}" }`;
  const peersEndorse = sig(`AND(${PEER_ORGS.map((o) => `'${o.mspId}.peer'`).join(', ')})`);
  const orgs = all.map((o) => {
    const m = o.mspId;
    const anchor = o.peers > 0 ? [`    AnchorPeers:`, `      - { Host: 127.0.0.1, Port: ${ports.peers[m].listen} }`] : [];
    return [
      `  - &${o.name}`,
      `    Name: ${m}`,
      `    ID: ${m}`,
      `    MSPDir: ${p.orgs[m].msp}`,
      '    Policies:',
      `      Readers: ${sig(`OR('${m}.admin', '${m}.peer', '${m}.client')`)}`,
      `      Writers: ${sig(`OR('${m}.admin', '${m}.client')`)}`,
      `      Admins: ${sig(`OR('${m}.admin')`)}`,
      `      Endorsement: ${sig(`OR('${m}.peer')`)}`,
      ...anchor,
    ].join('\n');
  });
  const tls = path.join(p.ordererTls, 'server.crt');
  return `# Written by network/fabric/network.mjs for this network only.
Organizations:
  - &OrdererOrg
    Name: OrdererMSP
    ID: OrdererMSP
    MSPDir: ${p.ordererOrgMsp}
    Policies:
      Readers: ${sig("OR('OrdererMSP.member')")}
      Writers: ${sig("OR('OrdererMSP.member')")}
      Admins: ${sig("OR('OrdererMSP.admin')")}
    OrdererEndpoints: [ "127.0.0.1:${ports.orderer.listen}" ]
${orgs.join('\n')}

Profiles:
  TraceChannel:
    Policies:
      Readers: ${meta('ANY Readers')}
      Writers: ${meta('ANY Writers')}
      Admins: ${meta('MAJORITY Admins')}
    Capabilities: { V2_0: true }
    Orderer:
      OrdererType: etcdraft
      EtcdRaft:
        Consenters:
          - { Host: 127.0.0.1, Port: ${ports.orderer.listen}, ClientTLSCert: ${tls}, ServerTLSCert: ${tls} }
      BatchTimeout: ${batchTimeout}
      BatchSize: { MaxMessageCount: ${maxMessageCount}, AbsoluteMaxBytes: 99 MB, PreferredMaxBytes: 2 MB }
      Organizations: [ *OrdererOrg ]
      Policies:
        Readers: ${meta('ANY Readers')}
        Writers: ${meta('ANY Writers')}
        Admins: ${meta('MAJORITY Admins')}
        BlockValidation: ${meta('ANY Writers')}
      Capabilities: { V2_0: true }
    Application:
      Organizations: [ ${all.map((o) => `*${o.name}`).join(', ')} ]
      Policies:
        Readers: ${meta('ANY Readers')}
        Writers: ${meta('ANY Writers')}
        Admins: ${meta('MAJORITY Admins')}
        LifecycleEndorsement: ${peersEndorse}
        Endorsement: ${peersEndorse}
      Capabilities: { V2_0: true }
`;
}

export function ordererEnv(dataDir, ports) {
  const p = cryptoPaths(dataDir);
  const tls = (f) => path.join(p.ordererTls, f);
  const node = path.join(dataDir, 'orderer');
  return {
    FABRIC_CFG_PATH: path.join(dataDir, 'config', 'orderer'),
    ORDERER_GENERAL_LISTENADDRESS: '127.0.0.1',
    ORDERER_GENERAL_LISTENPORT: String(ports.orderer.listen),
    ORDERER_GENERAL_LOCALMSPID: 'OrdererMSP',
    ORDERER_GENERAL_LOCALMSPDIR: p.ordererMsp,
    ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
    ORDERER_GENERAL_TLS_ENABLED: 'true',
    ORDERER_GENERAL_TLS_CERTIFICATE: tls('server.crt'),
    ORDERER_GENERAL_TLS_PRIVATEKEY: tls('server.key'),
    ORDERER_GENERAL_TLS_ROOTCAS: `[${tls('ca.crt')}]`,
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: tls('server.crt'),
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: tls('server.key'),
    ORDERER_GENERAL_CLUSTER_ROOTCAS: `[${tls('ca.crt')}]`,
    ORDERER_FILELEDGER_LOCATION: path.join(node, 'ledger'),
    ORDERER_CONSENSUS_WALDIR: path.join(node, 'etcdraft', 'wal'),
    ORDERER_CONSENSUS_SNAPDIR: path.join(node, 'etcdraft', 'snapshot'),
    ORDERER_OPERATIONS_LISTENADDRESS: `127.0.0.1:${ports.orderer.operations}`,
    ORDERER_ADMIN_LISTENADDRESS: `127.0.0.1:${ports.orderer.admin}`,
    ORDERER_ADMIN_TLS_ENABLED: 'true',
    ORDERER_ADMIN_TLS_CERTIFICATE: tls('server.crt'),
    ORDERER_ADMIN_TLS_PRIVATEKEY: tls('server.key'),
    ORDERER_ADMIN_TLS_ROOTCAS: `[${tls('ca.crt')}]`,
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
    ORDERER_ADMIN_TLS_CLIENTROOTCAS: `[${tls('ca.crt')}]`,
    ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
  };
}

export function peerEnv(dataDir, ports, org, builderDir) {
  const p = cryptoPaths(dataDir).orgs[org.mspId];
  const port = ports.peers[org.mspId];
  const address = `127.0.0.1:${port.listen}`;
  const node = path.join(dataDir, p.peerHost);
  const second = '1s';
  return {
    FABRIC_CFG_PATH: path.join(dataDir, 'config', 'peer'),
    CORE_PEER_ID: p.peerHost,
    CORE_PEER_ADDRESS: address,
    CORE_PEER_LISTENADDRESS: address,
    CORE_PEER_CHAINCODELISTENADDRESS: `127.0.0.1:${port.chaincode}`,
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: p.peerMsp,
    CORE_PEER_FILESYSTEMPATH: path.join(node, 'data'),
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: path.join(node, 'snapshots'),
    CORE_LEDGER_HISTORY_ENABLEHISTORYDATABASE: 'false',
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: path.join(p.peerTls, 'server.crt'),
    CORE_PEER_TLS_KEY_FILE: path.join(p.peerTls, 'server.key'),
    CORE_PEER_TLS_ROOTCERT_FILE: path.join(p.peerTls, 'ca.crt'),
    CORE_PEER_GOSSIP_BOOTSTRAP: address,
    CORE_PEER_GOSSIP_ENDPOINT: address,
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: address,
    CORE_PEER_GOSSIP_USELEADERELECTION: 'false',
    CORE_PEER_GOSSIP_ORGLEADER: 'true',
    // The other organisation's peer is first dialled before its TLS trust is known; with the defaults the
    // next attempt comes ~25 s later. Short intervals let both organisations endorse within seconds.
    CORE_PEER_GOSSIP_DIALTIMEOUT: second,
    CORE_PEER_GOSSIP_CONNTIMEOUT: second,
    CORE_PEER_GOSSIP_RECONNECTINTERVAL: second,
    CORE_PEER_GOSSIP_ALIVETIMEINTERVAL: second,
    CORE_PEER_GOSSIP_PUBLISHSTATEINFOINTERVAL: second,
    CORE_PEER_GOSSIP_REQUESTSTATEINFOINTERVAL: second,
    CORE_PEER_GOSSIP_PUBLISHCERTPERIOD: '30s',
    CORE_CHAINCODE_EXTERNALBUILDERS: `[{name: ccaas, path: ${builderDir}}]`,
    CORE_OPERATIONS_LISTENADDRESS: `127.0.0.1:${port.operations}`,
    CORE_METRICS_PROVIDER: 'prometheus',
  };
}

/** Environment of the peer CLI acting as an organisation's admin against its peer. */
export function adminCliEnv(dataDir, ports, org) {
  const p = cryptoPaths(dataDir).orgs[org.mspId];
  return {
    FABRIC_CFG_PATH: path.join(dataDir, 'config', 'peer'),
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: p.admin.msp,
    CORE_PEER_ADDRESS: `127.0.0.1:${ports.peers[org.mspId].listen}`,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: p.tlsCaFile,
  };
}
