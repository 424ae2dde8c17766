#include "app/attachments.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/errors.h"
#include "app/file_types.h"
#include "app/passwords.h"
#include "core/clock.h"
#include "core/roles.h"
#include "core/workflow.h"

namespace gongkai::app {

std::string BlobStore::path_for(const std::string& sha256) const {
  return dir_ + "/" + sha256.substr(0, 2) + "/" + sha256.substr(2);
}

void BlobStore::put(store::Conn& c, const std::string& sha256, const std::string& mime, const std::string& data) {
  std::optional<std::string> bytes;
  if (in_database()) {
    bytes = data;
  } else {
    std::string path = path_for(sha256);
    if (!std::filesystem::exists(path)) {
      std::filesystem::create_directories(std::filesystem::path(path).parent_path());
      // Write then rename, so a crash never leaves a half-written blob under its hash.
      std::string tmp = path + ".tmp" + random_hex(4);
      {
        std::ofstream out(tmp, std::ios::binary);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        out.flush();
        if (!out) throw std::runtime_error("cannot write blob " + tmp);
      }
      std::filesystem::rename(tmp, path);
    }
  }
  store::insert_blob_if_absent(c, sha256, static_cast<int64_t>(data.size()), mime, bytes, core::now_iso());
}

std::optional<std::string> BlobStore::get(const std::string& sha256) {
  {
    auto c = db_.acquire();
    if (auto d = store::blob_data(*c, sha256)) return d;
  }
  if (in_database()) return std::nullopt;
  std::ifstream in(path_for(sha256), std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

namespace {

store::RevisionRow editable_revision(store::Conn& c, const Principal& by, int64_t agency_id, int64_t rev_id) {
  if (!by.in_agency(agency_id)) throw not_found("信息");
  auto rev = store::find_revision(c, agency_id, rev_id);
  if (!rev) throw not_found("信息");
  if (rev->state != core::kStateDraft && rev->state != core::kStateReturned) {
    throw AppError(ErrorKind::kConflict, "not_editable", "该信息正在审核或已发布，不能修改附件");
  }
  if (!by.is_system() && !by.has(core::Role::kOffice) && rev->author_id != std::optional<int64_t>(by.user_id)) {
    throw forbidden("只有起草人或办公室可以修改附件");
  }
  return *rev;
}

}  // namespace

int64_t add_attachment(store::Database& db, BlobStore& blobs, const Principal& by, int64_t agency_id,
                       int64_t rev_id, const std::string& filename, const std::string& data) {
  if (data.empty()) throw ValidationError("file", "请选择要上传的文件");
  if (data.size() > kMaxAttachmentBytes) throw ValidationError("file", "附件不能超过20MB");
  std::string name = clean_filename(filename);
  auto type = detect_file_type(data, name);
  if (!type) {
    throw ValidationError("file", "不支持的文件类型，或文件内容与扩展名不符（可上传 PDF、Word、Excel、PNG/JPEG/GIF 图片、ZIP）");
  }
  std::string sha = sha256_hex(data);
  return db.with_tx([&](store::Conn& c) {
    auto rev = editable_revision(c, by, agency_id, rev_id);
    if (store::list_attachments(c, rev_id).size() >= kMaxAttachmentsPerRevision) {
      throw ValidationError("file", "每条信息最多30个附件");
    }
    blobs.put(c, sha, type->mime, data);
    int64_t id = store::insert_attachment(c, {0, rev_id, sha, name, type->mime, static_cast<int64_t>(data.size())});
    std::string now = core::now_iso();
    store::insert_workflow_event(c, agency_id, rev.item_id, rev_id, by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt,
                                 "attach", "", name, now);
    store::audit(c, by.actor(), {agency_id, "item.attach", "item", std::to_string(rev.item_id), name + " " + sha});
    return id;
  });
}

void remove_attachment(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                       int64_t attachment_id) {
  db.with_tx([&](store::Conn& c) {
    auto rev = editable_revision(c, by, agency_id, rev_id);
    auto a = store::find_attachment(c, agency_id, attachment_id);
    if (!a || a->rev_id != rev_id) throw not_found("附件");
    store::delete_attachment(c, rev_id, attachment_id);
    std::string now = core::now_iso();
    store::insert_workflow_event(c, agency_id, rev.item_id, rev_id, by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt,
                                 "detach", "", a->filename, now);
    store::audit(c, by.actor(), {agency_id, "item.detach", "item", std::to_string(rev.item_id), a->filename});
  });
}

Download staff_download(store::Database& db, BlobStore& blobs, const Principal& by, int64_t agency_id,
                        int64_t attachment_id) {
  if (!by.in_agency(agency_id)) throw not_found("附件");
  std::optional<store::AttachmentRow> a;
  {
    auto c = db.acquire();
    a = store::find_attachment(*c, agency_id, attachment_id);
  }
  if (!a) throw not_found("附件");
  auto data = blobs.get(a->sha256);
  if (!data) throw AppError(ErrorKind::kNotFound, "blob_missing", "附件文件缺失，请联系管理员");
  return {*a, std::move(*data)};
}

Download public_download(store::Database& db, BlobStore& blobs, int64_t attachment_id) {
  std::optional<store::AttachmentRow> a;
  {
    auto c = db.acquire();
    a = store::find_public_attachment(*c, attachment_id);
  }
  if (!a) throw not_found("附件");
  auto data = blobs.get(a->sha256);
  if (!data) throw not_found("附件");
  return {*a, std::move(*data)};
}

std::string content_disposition(const std::string& filename, bool inline_view) {
  std::string ascii, encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : filename) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (plain) ascii += static_cast<char>(c);
    else if ((c & 0xC0) != 0x80) ascii += '_';  // one '_' per character, not per byte
    if (plain) encoded += static_cast<char>(c);
    else { encoded += '%'; encoded += kHex[c >> 4]; encoded += kHex[c & 15]; }
  }
  return std::string(inline_view ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace gongkai::app
