// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title TraceRegistry
/// @notice Consortium registry of organisations and their roles, Merkle roots of captured
///         EPCIS event batches, and lot recalls. The API enforces the fine-grained write rules;
///         this contract enforces the ones a ledger can check on its own.
contract TraceRegistry {
    enum Role { None, Producer, Lab, Retailer, Regulator, Distributor }

    struct Anchor {
        address org;
        uint64 timestamp;
        uint32 eventCount;
    }

    struct Recall {
        bool active;
        address by;
        uint64 timestamp;
    }

    mapping(address => bool) public isAdmin;
    uint32 public adminCount;
    mapping(address => Role) private _roles;
    mapping(address => string) public orgIdOf;
    mapping(bytes32 => Anchor) private _anchors;
    mapping(bytes32 => Recall) private _recalls;
    uint64 public anchorCount;

    error NotAdmin(address caller);
    error NotRegistered(address caller);
    error RoleNotAllowed(address caller, uint8 role);
    error InvalidRole(uint8 role);
    error ZeroAddress();
    error EmptyRoot();
    error ZeroEventCount();
    error AlreadyAnchored(bytes32 root, address org);
    error EmptyRecall();
    error NotRecalled(bytes32 lotKey);
    error LastAdmin();

    event AdminChanged(address indexed account, bool enabled);
    event OrgRegistered(address indexed account, uint8 role, string orgId);
    event OrgRevoked(address indexed account);
    event Anchored(bytes32 indexed root, address indexed org, uint32 eventCount);
    event Recalled(bytes32 indexed lotKey, address indexed by, string reason);
    event RecallLifted(bytes32 indexed lotKey, address indexed by);

    modifier onlyAdmin() {
        if (!isAdmin[msg.sender]) revert NotAdmin(msg.sender);
        _;
    }

    constructor() {
        isAdmin[msg.sender] = true;
        adminCount = 1;
        emit AdminChanged(msg.sender, true);
    }

    /// @notice Grants or withdraws consortium-admin rights; the last admin cannot leave.
    function setAdmin(address account, bool enabled) external onlyAdmin {
        if (account == address(0)) revert ZeroAddress();
        if (isAdmin[account] == enabled) return;
        if (!enabled && adminCount == 1) revert LastAdmin();
        isAdmin[account] = enabled;
        adminCount = enabled ? adminCount + 1 : adminCount - 1;
        emit AdminChanged(account, enabled);
    }

    /// @notice Registers an organisation's account with its role, or changes its role.
    function registerOrg(address account, uint8 role, string calldata orgId) external onlyAdmin {
        if (account == address(0)) revert ZeroAddress();
        if (role == uint8(Role.None) || role > uint8(Role.Distributor)) revert InvalidRole(role);
        _roles[account] = Role(role);
        orgIdOf[account] = orgId;
        emit OrgRegistered(account, role, orgId);
    }

    /// @notice Removes an organisation's account from the registry; its past anchors stay.
    function revokeOrg(address account) external onlyAdmin {
        if (_roles[account] == Role.None) revert NotRegistered(account);
        _roles[account] = Role.None;
        emit OrgRevoked(account);
    }

    function roleOf(address account) external view returns (uint8) {
        return uint8(_roles[account]);
    }

    /// @notice Anchors the Merkle root of a batch of event hashes, once per root.
    function anchor(bytes32 root, uint32 eventCount) external {
        if (_roles[msg.sender] == Role.None) revert NotRegistered(msg.sender);
        if (root == bytes32(0)) revert EmptyRoot();
        if (eventCount == 0) revert ZeroEventCount();
        Anchor storage existing = _anchors[root];
        if (existing.org != address(0)) revert AlreadyAnchored(root, existing.org);
        _anchors[root] = Anchor(msg.sender, uint64(block.timestamp), eventCount);
        unchecked { anchorCount += 1; }
        emit Anchored(root, msg.sender, eventCount);
    }

    function anchors(bytes32 root) external view returns (address org, uint64 timestamp, uint32 eventCount) {
        Anchor storage a = _anchors[root];
        return (a.org, a.timestamp, a.eventCount);
    }

    /// @notice Recalls lots, keyed by SHA-256 of their Digital Link path /01/{gtin14}/10/{lot}.
    ///         Regulators may recall any lot; the API lets producers recall only their own.
    function recall(bytes32[] calldata lotKeys, string calldata reason) external {
        Role role = _roles[msg.sender];
        if (role == Role.None) revert NotRegistered(msg.sender);
        if (role != Role.Regulator && role != Role.Producer) revert RoleNotAllowed(msg.sender, uint8(role));
        if (lotKeys.length == 0) revert EmptyRecall();
        uint64 now64 = uint64(block.timestamp);
        for (uint256 i = 0; i < lotKeys.length; i++) {
            _recalls[lotKeys[i]] = Recall(true, msg.sender, now64);
            emit Recalled(lotKeys[i], msg.sender, reason);
        }
    }

    /// @notice Ends recalls once the hazard is resolved; regulators only.
    function liftRecall(bytes32[] calldata lotKeys) external {
        Role role = _roles[msg.sender];
        if (role != Role.Regulator) revert RoleNotAllowed(msg.sender, uint8(role));
        for (uint256 i = 0; i < lotKeys.length; i++) {
            Recall storage r = _recalls[lotKeys[i]];
            if (!r.active) revert NotRecalled(lotKeys[i]);
            r.active = false;
            emit RecallLifted(lotKeys[i], msg.sender);
        }
    }

    function recallOf(bytes32 lotKey) external view returns (bool active, address by, uint64 timestamp) {
        Recall storage r = _recalls[lotKey];
        return (r.active, r.by, r.timestamp);
    }
}
