#pragma once
// The append-only, hash-chained audit log. Every state-changing write appends its entry
// in the same transaction; each row carries the hash of the previous row, so editing or
// removing any row breaks the chain and `gongkai audit verify` names it.

#include <cstdint>
#include <optional>
#include <string>

#include "store/db.h"

namespace gongkai::store {

struct Actor {
  std::optional<int64_t> user_id;  // nullopt for the system or the command line
  std::string name;                // username, or "system" / "cli"
};

struct AuditEntry {
  std::optional<int64_t> agency_id;
  std::string action;     // e.g. "item.publish"
  std::string entity;     // e.g. "item"
  std::string entity_id;
  std::string detail;     // short JSON or text
};

// Appends one entry. Must run inside a transaction on `c`.
void audit(Conn& c, const Actor& actor, const AuditEntry& e);

struct AuditCheck {
  bool ok = true;
  int64_t rows = 0;
  std::optional<int64_t> first_bad_seq;  // the first row whose content or link is wrong
  std::string problem;                   // what is wrong with it, in English
};

// The number of the last entry: it moves with every audited change, in that change's
// transaction, so readers can tell whether anything changed since they last looked.
int64_t audit_sequence(Conn& c);

// Walks the whole log and checks every link.
AuditCheck verify_audit(Conn& c);

}  // namespace gongkai::store
