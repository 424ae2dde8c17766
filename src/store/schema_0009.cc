// Migration 9: the queue of items waiting for the search index (store/search_store.h). A bulk
// import of more items than it indexes in its own transaction queues the rest here, in that
// transaction; the serving node's jobs or `gongkai reindex --queued` work the queue off.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0009 = {9, "search-queue", R"SQL(
CREATE TABLE search_queue (
  item_id BIGINT PRIMARY KEY REFERENCES items(id)
);
)SQL"};

}  // namespace gongkai::store
