// Migration 15: the portal's catalog sorted by title (标题) sorted every published item of the
// agency first (2.5 s at 1,000,000 items); in this index's order a page is read directly.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0015 = {15, "title-order-index", R"SQL(
CREATE INDEX items_agency_title ON items (agency_id, status, title, id);
)SQL"};

}  // namespace gongkai::store
