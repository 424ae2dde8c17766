// Migration 11: the annual report counts from one table each. The items row keeps the carrier
// (载体) of the revision it lists, so that the electronic rate needs no join to item_revisions,
// and the request row keeps the day it concluded (first decision or withdrawal), so that
// 结转 needs no look-up of events per request. Both indexes cover their report query: at
// 1,000,000 items and 200,000 requests the counts read index pages only.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0011 = {11, "report-columns", R"SQL(
ALTER TABLE items ADD COLUMN carrier TEXT NOT NULL DEFAULT '';
UPDATE items SET carrier = COALESCE((SELECT v.carrier FROM item_revisions v
  WHERE v.id = COALESCE(items.published_rev_id, items.working_rev_id)), '');
DROP INDEX items_agency_class;
CREATE INDEX items_agency_class ON items
  (agency_id, class_id, status, publish_date, validity, validity_changed_on, carrier);
ALTER TABLE requests ADD COLUMN concluded_on TEXT;
UPDATE requests SET concluded_on = (SELECT MIN(e.event_date) FROM request_events e
  WHERE e.request_id = requests.id AND e.kind IN ('decided', 'withdrawn', 'treated_as_withdrawn'));
CREATE INDEX requests_agency_report ON requests
  (agency_id, received_on, concluded_on, applicant_kind, channel, outcome);
)SQL"};

}  // namespace gongkai::store
