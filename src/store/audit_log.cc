#include "store/audit_log.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "core/clock.h"

namespace gongkai::store {
namespace {

std::string chain_hash(const std::string& prev, int64_t seq, const std::string& at,
                       const std::string& agency, const std::string& actor_id, const std::string& actor,
                       const std::string& action, const std::string& entity, const std::string& entity_id,
                       const std::string& detail) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  // Length-prefixed fields: no two different rows serialise to the same bytes.
  for (const std::string* f : {&prev, &at, &agency, &actor_id, &actor, &action, &entity, &entity_id, &detail}) {
    std::string len = std::to_string(f->size()) + ":";
    sha.update(len);
    sha.update(*f);
  }
  std::string s = std::to_string(seq);
  sha.update(s);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string opt_text(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

}  // namespace

void audit(Conn& c, const Actor& actor, const AuditEntry& e) {
  // The UPDATE locks the head row, so concurrent writers append one after another.
  auto head = c.query_one("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, last_hash");
  int64_t seq = head->i64(0);
  std::string prev = head->str(1);
  std::string at = core::now_iso();
  std::string h = chain_hash(prev, seq, at, opt_text(e.agency_id), opt_text(actor.user_id), actor.name,
                             e.action, e.entity, e.entity_id, e.detail);
  c.query("INSERT INTO audit_log (seq, at, agency_id, actor_id, actor, action, entity, entity_id, detail, "
          "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {seq, at, e.agency_id, actor.user_id, actor.name, e.action, e.entity, e.entity_id, e.detail, prev, h});
  c.query("UPDATE audit_head SET last_hash = ? WHERE id = 1", {h});
}

AuditCheck verify_audit(Conn& c) {
  AuditCheck out;
  std::string prev;
  int64_t expect_seq = 1;
  auto bad = [&](int64_t seq, std::string why) {
    if (out.ok) {
      out.ok = false;
      out.first_bad_seq = seq;
      out.problem = std::move(why);
    }
  };
  c.for_each("SELECT seq, at, agency_id, actor_id, actor, action, entity, entity_id, detail, prev_hash, hash "
             "FROM audit_log ORDER BY seq",
             {}, [&](const Row& r) {
               ++out.rows;
               if (!out.ok) return;
               int64_t seq = r.i64(0);
               if (seq != expect_seq) {
                 bad(expect_seq, "row " + std::to_string(expect_seq) + " is missing (next row is " +
                                     std::to_string(seq) + ")");
                 return;
               }
               if (r.str(9) != prev) {
                 bad(seq, "prev_hash does not match the previous row's hash");
                 return;
               }
               std::string h = chain_hash(prev, seq, r.str(1), r.is_null(2) ? "" : r.str(2),
                                          r.is_null(3) ? "" : r.str(3), r.str(4), r.str(5), r.str(6), r.str(7),
                                          r.str(8));
               if (h != r.str(10)) {
                 bad(seq, "content does not match its hash (the row was altered)");
                 return;
               }
               prev = h;
               ++expect_seq;
             });
  if (out.ok) {
    auto head = c.query_one("SELECT seq, last_hash FROM audit_head WHERE id = 1");
    if (!head || head->i64(0) != expect_seq - 1 || head->str(1) != prev) {
      bad(expect_seq, "rows at the end of the log were removed (head expects " +
                          (head ? std::to_string(head->i64(0)) : std::string("?")) + " rows)");
    }
  }
  return out;
}

int64_t audit_sequence(Conn& c) { return c.query_int("SELECT seq FROM audit_head WHERE id = 1"); }

}  // namespace gongkai::store
