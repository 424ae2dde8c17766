#include "store/item_store.h"

#include "store/item_rows.h"

namespace gongkai::store {
namespace {

constexpr const char* kRevCols =
    "id, item_id, agency_id, rev_no, state, step, scheduled_at, author_id, created_at, updated_at, "
    "title, summary, body_html, doc_no, keywords, department_id, class_id, topic_id, genre_id, "
    "creation_date, publish_date, disclosure_mode, carrier, validity, validity_changed_on";

RevisionRow revision_from(const Row& r) {
  RevisionRow v;
  v.id = r.i64(0);
  v.item_id = r.i64(1);
  v.agency_id = r.i64(2);
  v.rev_no = static_cast<int>(r.i64(3));
  v.state = r.str(4);
  v.step = r.opt_str(5);
  v.scheduled_at = r.opt_str(6);
  v.author_id = r.opt_i64(7);
  v.created_at = r.str(8);
  v.updated_at = r.str(9);
  ItemData& d = v.data;
  d.title = r.str(10);
  d.summary = r.str(11);
  d.body_html = r.str(12);
  d.doc_no = r.str(13);
  d.keywords = r.str(14);
  d.department_id = r.opt_i64(15);
  d.class_id = r.opt_i64(16);
  d.topic_id = r.opt_i64(17);
  d.genre_id = r.opt_i64(18);
  d.creation_date = r.opt_str(19);
  d.publish_date = r.opt_str(20);
  d.disclosure_mode = r.str(21);
  d.carrier = r.str(22);
  d.validity = r.str(23);
  d.validity_changed_on = r.opt_str(24);
  return v;
}

}  // namespace

const char* const kItemCols =
    "id, agency_id, index_no, status, working_rev_id, published_rev_id, title, doc_no, validity, department_id, "
    "class_id, topic_id, genre_id, creation_date, publish_date, validity_changed_on, late, created_by, created_at, "
    "updated_at";

ItemRow item_from(const Row& r) {
  ItemRow i;
  i.id = r.i64(0);
  i.agency_id = r.i64(1);
  i.index_no = r.opt_str(2);
  i.status = r.str(3);
  i.working_rev_id = r.opt_i64(4);
  i.published_rev_id = r.opt_i64(5);
  i.title = r.str(6);
  i.doc_no = r.str(7);
  i.validity = r.str(8);
  i.department_id = r.opt_i64(9);
  i.class_id = r.opt_i64(10);
  i.topic_id = r.opt_i64(11);
  i.genre_id = r.opt_i64(12);
  i.creation_date = r.opt_str(13);
  i.publish_date = r.opt_str(14);
  i.validity_changed_on = r.opt_str(15);
  i.late = r.i64(16) != 0;
  i.created_by = r.opt_i64(17);
  i.created_at = r.str(18);
  i.updated_at = r.str(19);
  return i;
}

namespace {

std::optional<int> year_of(const std::optional<std::string>& date) {
  if (!date || date->size() < 4) return std::nullopt;
  return std::stoi(date->substr(0, 4));
}

}  // namespace

int64_t insert_revision(Conn& c, int64_t item_id, int64_t agency_id, std::optional<int64_t> author,
                        const ItemData& d, const std::string& now) {
  int64_t rev_no = c.query_int("SELECT COALESCE(MAX(rev_no), 0) + 1 FROM item_revisions WHERE item_id = ?", {item_id});
  return c.query_one(
              "INSERT INTO item_revisions (item_id, agency_id, rev_no, state, title, summary, body_html, "
              "doc_no, keywords, department_id, class_id, topic_id, genre_id, creation_date, publish_date, "
              "disclosure_mode, carrier, validity, validity_changed_on, author_id, created_at, updated_at) "
              "VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {item_id, agency_id, rev_no, d.title, d.summary, d.body_html, d.doc_no, d.keywords,
               d.department_id, d.class_id, d.topic_id, d.genre_id, d.creation_date, d.publish_date,
               d.disclosure_mode, d.carrier, d.validity, d.validity_changed_on, author, now, now})
      ->i64(0);
}

std::pair<int64_t, int64_t> insert_item(Conn& c, int64_t agency_id, std::optional<int64_t> author,
                                        const ItemData& d, const std::string& now) {
  int64_t item_id =
      c.query_one("INSERT INTO items (agency_id, status, title, department_id, class_id, topic_id, genre_id, doc_no, "
                  "creation_date, validity, carrier, created_by, created_at, updated_at) "
                  "VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  {agency_id, d.title, d.department_id, d.class_id, d.topic_id, d.genre_id, d.doc_no, d.creation_date,
                   d.validity, d.carrier, author, now, now})
          ->i64(0);
  int64_t rev_id = insert_revision(c, item_id, agency_id, author, d, now);
  set_item_working_rev(c, item_id, rev_id);
  return {item_id, rev_id};
}

std::optional<ItemRow> find_item(Conn& c, int64_t agency_id, int64_t item_id) {
  auto r = c.query_one(std::string("SELECT ") + kItemCols + " FROM items WHERE id = ? AND agency_id = ?",
                       {item_id, agency_id});
  if (!r) return std::nullopt;
  return item_from(*r);
}

std::optional<ItemRow> find_item_by_index(Conn& c, const std::string& index_no) {
  auto r = c.query_one(std::string("SELECT ") + kItemCols + " FROM items WHERE index_no = ?", {index_no});
  if (!r) return std::nullopt;
  return item_from(*r);
}

std::optional<RevisionRow> find_revision(Conn& c, int64_t agency_id, int64_t rev_id) {
  auto r = c.query_one(std::string("SELECT ") + kRevCols + " FROM item_revisions WHERE id = ? AND agency_id = ?",
                       {rev_id, agency_id});
  if (!r) return std::nullopt;
  return revision_from(*r);
}

std::vector<RevisionRow> list_revisions(Conn& c, int64_t item_id) {
  std::vector<RevisionRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kRevCols + " FROM item_revisions WHERE item_id = ? "
                                                                     "ORDER BY rev_no DESC",
                               {item_id})) {
    out.push_back(revision_from(r));
  }
  return out;
}

void update_revision_data(Conn& c, int64_t rev_id, const ItemData& d, const std::string& now) {
  c.query("UPDATE item_revisions SET title = ?, summary = ?, body_html = ?, doc_no = ?, keywords = ?, "
          "department_id = ?, class_id = ?, topic_id = ?, genre_id = ?, creation_date = ?, publish_date = ?, "
          "disclosure_mode = ?, carrier = ?, validity = ?, validity_changed_on = ?, updated_at = ? WHERE id = ?",
          {d.title, d.summary, d.body_html, d.doc_no, d.keywords, d.department_id, d.class_id,
           d.topic_id, d.genre_id, d.creation_date, d.publish_date, d.disclosure_mode, d.carrier, d.validity,
           d.validity_changed_on, now, rev_id});
}

void set_revision_state(Conn& c, int64_t rev_id, const std::string& state, const std::optional<std::string>& step,
                        const std::optional<std::string>& scheduled_at, const std::string& now) {
  c.query("UPDATE item_revisions SET state = ?, step = ?, scheduled_at = ?, updated_at = ? WHERE id = ?",
          {state, step, scheduled_at, now, rev_id});
}

void set_item_summary(Conn& c, int64_t item_id, const ItemData& d, bool late, const std::string& now) {
  c.query("UPDATE items SET title = ?, department_id = ?, class_id = ?, topic_id = ?, genre_id = ?, doc_no = ?, "
          "creation_date = ?, publish_date = ?, pub_year = ?, validity = ?, validity_changed_on = ?, late = ?, "
          "carrier = ?, updated_at = ? WHERE id = ?",
          {d.title, d.department_id, d.class_id, d.topic_id, d.genre_id, d.doc_no, d.creation_date, d.publish_date,
           year_of(d.publish_date), d.validity, d.validity_changed_on, late, d.carrier, now, item_id});
}

void set_item_working_rev(Conn& c, int64_t item_id, std::optional<int64_t> rev_id) {
  c.query("UPDATE items SET working_rev_id = ? WHERE id = ?", {rev_id, item_id});
}

void set_item_published(Conn& c, int64_t item_id, int64_t rev_id, const std::string& index_no) {
  c.query("UPDATE items SET status = 'published', published_rev_id = ?, working_rev_id = NULL, index_no = ? "
          "WHERE id = ?",
          {rev_id, index_no, item_id});
}

void set_item_status(Conn& c, int64_t item_id, const std::string& status, const std::string& now) {
  c.query("UPDATE items SET status = ?, updated_at = ? WHERE id = ?", {status, now, item_id});
}

void set_item_validity(Conn& c, int64_t item_id, const std::string& validity,
                       const std::optional<std::string>& changed_on, const std::string& now) {
  c.query("UPDATE items SET validity = ?, validity_changed_on = ?, updated_at = ? WHERE id = ?",
          {validity, changed_on, now, item_id});
  c.query("UPDATE item_revisions SET validity = ?, validity_changed_on = ? WHERE id = "
          "(SELECT published_rev_id FROM items WHERE id = ?)",
          {validity, changed_on, item_id});
}

bool index_no_taken(Conn& c, const std::string& index_no) {
  return c.query_int("SELECT COUNT(*) FROM items WHERE index_no = ?", {index_no}) > 0;
}

int64_t next_index_serial(Conn& c, int64_t agency_id, int year) {
  // The upsert takes a row lock (PostgreSQL) or runs under the write lock (SQLite), so two
  // concurrent publishes never receive the same serial.
  return c.query_one("INSERT INTO index_serials (agency_id, year, next_serial) VALUES (?, ?, 1) "
                     "ON CONFLICT (agency_id, year) DO UPDATE SET next_serial = index_serials.next_serial + 1 "
                     "RETURNING next_serial",
                     {agency_id, year})
      ->i64(0);
}

void bump_index_serial(Conn& c, int64_t agency_id, int year, int64_t serial) {
  c.query("INSERT INTO index_serials (agency_id, year, next_serial) VALUES (?, ?, ?) "
          "ON CONFLICT (agency_id, year) DO UPDATE SET next_serial = "
          "CASE WHEN index_serials.next_serial < excluded.next_serial THEN excluded.next_serial "
          "ELSE index_serials.next_serial END",
          {agency_id, year, serial});
}

std::vector<RevisionRow> due_scheduled_revisions(Conn& c, const std::string& now) {
  std::vector<RevisionRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kRevCols +
                                   " FROM item_revisions WHERE state = 'scheduled' AND scheduled_at <= ? ORDER BY id",
                               {now})) {
    out.push_back(revision_from(r));
  }
  return out;
}

void insert_workflow_event(Conn& c, int64_t agency_id, int64_t item_id, std::optional<int64_t> rev_id,
                           std::optional<int64_t> actor_id, const std::string& action, const std::string& step,
                           const std::string& comment, const std::string& now) {
  c.query("INSERT INTO workflow_events (agency_id, item_id, rev_id, actor_id, action, step, comment, at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {agency_id, item_id, rev_id, actor_id, action, step.empty() ? Value() : Value(step), comment, now});
}

std::vector<WorkflowEventRow> list_workflow_events(Conn& c, int64_t item_id) {
  std::vector<WorkflowEventRow> out;
  for (const auto& r : c.query("SELECT e.id, e.item_id, e.rev_id, e.actor_id, COALESCE(u.display_name, ''), "
                               "e.action, COALESCE(e.step, ''), e.comment, e.at FROM workflow_events e "
                               "LEFT JOIN users u ON u.id = e.actor_id WHERE e.item_id = ? ORDER BY e.id",
                               {item_id})) {
    out.push_back(WorkflowEventRow{r.i64(0), r.i64(1), r.opt_i64(2), r.opt_i64(3), r.str(4), r.str(5), r.str(6),
                                   r.str(7), r.str(8)});
  }
  return out;
}

ItemPage list_items(Conn& c, const ItemFilter& f) {
  std::string where = " WHERE agency_id = ?";
  Params p{f.agency_id};
  if (f.status) { where += " AND status = ?"; p.push_back(*f.status); }
  if (f.class_id) {
    // A top class includes its subclasses.
    where += " AND class_id IN (SELECT id FROM categories WHERE id = ? OR parent_id = ?)";
    p.push_back(*f.class_id);
    p.push_back(*f.class_id);
  }
  if (f.topic_id) {
    where += " AND topic_id IN (SELECT id FROM categories WHERE id = ? OR parent_id = ?)";
    p.push_back(*f.topic_id);
    p.push_back(*f.topic_id);
  }
  if (f.genre_id) { where += " AND genre_id = ?"; p.push_back(*f.genre_id); }
  if (f.department_id) { where += " AND department_id = ?"; p.push_back(*f.department_id); }
  if (f.year) { where += " AND pub_year = ?"; p.push_back(*f.year); }
  if (f.validity) { where += " AND validity = ?"; p.push_back(*f.validity); }
  if (!f.title_contains.empty()) {
    where += " AND title LIKE ? ESCAPE '\\'";
    std::string pat = "%";
    for (char ch : f.title_contains) {
      if (ch == '%' || ch == '_' || ch == '\\') pat += '\\';
      pat += ch;
    }
    p.push_back(pat + "%");
  }
  ItemPage page;
  page.total = c.query_int("SELECT COUNT(*) FROM items" + where, p);
  std::string order = f.sort == "oldest" ? " ORDER BY publish_date, id"
                      : f.sort == "title" ? " ORDER BY title, id"
                                          : " ORDER BY publish_date DESC, id DESC";
  int per = f.per_page < 1 ? 20 : f.per_page;
  int64_t offset = static_cast<int64_t>((f.page < 1 ? 1 : f.page) - 1) * per;
  p.push_back(per);
  p.push_back(offset);
  for (const auto& r : c.query(std::string("SELECT ") + kItemCols + " FROM items" + where + order + " LIMIT ? OFFSET ?", p)) {
    page.rows.push_back(item_from(r));
  }
  return page;
}

RevisionPage list_revisions_filtered(Conn& c, const RevisionFilter& f) {
  std::string where = " WHERE agency_id = ?";
  Params p{f.agency_id};
  auto in_list = [&](const char* col, const std::vector<std::string>& vals) {
    if (vals.empty()) return;
    where += std::string(" AND ") + col + " IN " + placeholders(vals.size());
    p.insert(p.end(), vals.begin(), vals.end());
  };
  in_list("state", f.states);
  in_list("step", f.steps);
  if (f.author_id) { where += " AND author_id = ?"; p.push_back(*f.author_id); }
  if (f.department_id) { where += " AND department_id = ?"; p.push_back(*f.department_id); }
  RevisionPage page;
  page.total = c.query_int("SELECT COUNT(*) FROM item_revisions" + where, p);
  int per = f.per_page < 1 ? 20 : f.per_page;
  p.push_back(per);
  p.push_back(static_cast<int64_t>((f.page < 1 ? 1 : f.page) - 1) * per);
  for (const auto& r : c.query(std::string("SELECT ") + kRevCols + " FROM item_revisions" + where +
                                   " ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?",
                               p)) {
    page.rows.push_back(revision_from(r));
  }
  return page;
}

void insert_blob_if_absent(Conn& c, const std::string& sha256, int64_t size, const std::string& mime,
                           const std::optional<std::string>& data, const std::string& now) {
  c.query("INSERT INTO blobs (sha256, size, mime, data, created_at) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (sha256) DO NOTHING",
          {sha256, size, mime, data ? Value(Blob{*data}) : Value(), now});
}

std::optional<std::string> blob_data(Conn& c, const std::string& sha256) {
  auto r = c.query_one("SELECT data FROM blobs WHERE sha256 = ?", {sha256});
  if (!r || r->is_null(0)) return std::nullopt;
  return r->str(0);
}

int64_t insert_attachment(Conn& c, const AttachmentRow& a) {
  int64_t sort = c.query_int("SELECT COALESCE(MAX(sort), 0) + 1 FROM attachments WHERE rev_id = ?", {a.rev_id});
  return c.query_one("INSERT INTO attachments (rev_id, sha256, filename, mime, size, sort) VALUES (?, ?, ?, ?, ?, ?) "
                     "RETURNING id",
                     {a.rev_id, a.sha256, a.filename, a.mime, a.size, sort})
      ->i64(0);
}

std::vector<AttachmentRow> list_attachments(Conn& c, int64_t rev_id) {
  std::vector<AttachmentRow> out;
  for (const auto& r : c.query("SELECT id, rev_id, sha256, filename, mime, size FROM attachments WHERE rev_id = ? "
                               "ORDER BY sort, id",
                               {rev_id})) {
    out.push_back(AttachmentRow{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.i64(5)});
  }
  return out;
}

std::optional<AttachmentRow> find_attachment(Conn& c, int64_t agency_id, int64_t attachment_id) {
  auto r = c.query_one("SELECT a.id, a.rev_id, a.sha256, a.filename, a.mime, a.size FROM attachments a "
                       "JOIN item_revisions v ON v.id = a.rev_id WHERE a.id = ? AND v.agency_id = ?",
                       {attachment_id, agency_id});
  if (!r) return std::nullopt;
  return AttachmentRow{r->i64(0), r->i64(1), r->str(2), r->str(3), r->str(4), r->i64(5)};
}

std::optional<AttachmentRow> find_public_attachment(Conn& c, int64_t attachment_id) {
  auto r = c.query_one("SELECT a.id, a.rev_id, a.sha256, a.filename, a.mime, a.size FROM attachments a "
                       "JOIN items i ON i.published_rev_id = a.rev_id WHERE a.id = ? AND i.status = 'published'",
                       {attachment_id});
  if (!r) return std::nullopt;
  return AttachmentRow{r->i64(0), r->i64(1), r->str(2), r->str(3), r->str(4), r->i64(5)};
}

void delete_attachment(Conn& c, int64_t rev_id, int64_t attachment_id) {
  c.query("DELETE FROM attachments WHERE id = ? AND rev_id = ?", {attachment_id, rev_id});
}

void copy_attachments(Conn& c, int64_t from_rev, int64_t to_rev) {
  c.query("INSERT INTO attachments (rev_id, sha256, filename, mime, size, sort) "
          "SELECT ?, sha256, filename, mime, size, sort FROM attachments WHERE rev_id = ?",
          {to_rev, from_rev});
}

int64_t count_items(Conn& c, int64_t agency_id, const std::string& status) {
  return c.query_int("SELECT COUNT(*) FROM items WHERE agency_id = ? AND status = ?", {agency_id, status});
}

}  // namespace gongkai::store
