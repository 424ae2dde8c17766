#pragma once
// Attachments of item revisions: content-addressed blobs (SHA-256) kept on the filesystem
// under DATA_DIR/blobs by default, or in the database when several nodes share no disk.

#include <optional>
#include <string>

#include "app/directory.h"
#include "store/db.h"
#include "store/item_store.h"

namespace gongkai::app {

inline constexpr size_t kMaxAttachmentBytes = 20 * 1024 * 1024;
inline constexpr int kMaxAttachmentsPerRevision = 30;

class BlobStore {
 public:
  // dir: where files go ("" keeps blob bytes in the database).
  BlobStore(store::Database& db, std::string dir) : db_(db), dir_(std::move(dir)) {}
  bool in_database() const { return dir_.empty(); }
  // Writes the bytes if new (inside the caller's transaction for database storage).
  void put(store::Conn& c, const std::string& sha256, const std::string& mime, const std::string& data);
  std::optional<std::string> get(const std::string& sha256);

 private:
  std::string path_for(const std::string& sha256) const;
  store::Database& db_;
  std::string dir_;
};

// Adds an uploaded file to a draft or returned revision (its author or the office).
// Throws ValidationError with a Chinese message for a refused type, size or name.
int64_t add_attachment(store::Database& db, BlobStore& blobs, const Principal& by, int64_t agency_id,
                       int64_t rev_id, const std::string& filename, const std::string& data);
void remove_attachment(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                       int64_t attachment_id);

struct Download {
  store::AttachmentRow meta;
  std::string data;
};
// For staff of the agency: any revision's attachment.
Download staff_download(store::Database& db, BlobStore& blobs, const Principal& by, int64_t agency_id,
                        int64_t attachment_id);
// For the public: only attachments of the published version of a published item.
Download public_download(store::Database& db, BlobStore& blobs, int64_t attachment_id);

// Content-Disposition value with an RFC 5987 UTF-8 file name.
std::string content_disposition(const std::string& filename, bool inline_view);

}  // namespace gongkai::app
