#!/usr/bin/env bash
# A whole annual review cycle over the API with the demo users, against `mvn spring-boot:run`.
# Needs curl and jq. Usage: docs/walkthrough.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}
api() { local user=$1 method=$2 path=$3; shift 3; curl -sS -u "$user:demo" -X "$method" -H 'Content-Type: application/json' "$BASE$path" "$@"; }
entries() { jq -n --argjson r "$1" '[range(1;24) | {objective: ., rating: $r, achievements: "Progress on objective \(.)", obstacles: "Funding", priorities: "Data", supportNeeded: (. == 5 or . == 6)}]'; }

PERIOD=${PERIOD:-walkthrough-$(date +%s)}
echo "== secretariat opens cycle $PERIOD for Egypt, Jordan, Morocco"
CYCLE=$(api secretariat POST /api/v1/cycles -d "{\"kind\":\"ANNUAL_REVIEW\",\"period\":\"$PERIOD\",\"participants\":[\"EGY\",\"JOR\",\"MAR\"],\"submissionDue\":\"2027-03-31T23:59:59Z\"}")
echo "$CYCLE" | jq -c '{id, period, status, reminderAt, submissionDue, windowClosesAt, participantCount}'
ID=$(echo "$CYCLE" | jq .id)

declare -A REPORT
for fp in fp-egy fp-jor fp-mar; do
  TASK=$(api $fp GET "/api/v1/tasks?cycleId=$ID" | jq '.items[0]')
  echo "== $fp inbox: $(echo "$TASK" | jq -c '{taskKey, name, participantCode, reportId, dueAt}')"
  REPORT[$fp]=$(echo "$TASK" | jq .reportId)
done

echo "== fp-egy tries Jordan's report: HTTP $(curl -s -o /dev/null -w '%{http_code}' -u fp-egy:demo "$BASE/api/v1/reports/${REPORT[fp-jor]}")"
echo "== fp-egy saves a draft with rating 7:"
api fp-egy PUT "/api/v1/reports/${REPORT[fp-egy]}" -d "{\"lockVersion\":0,\"entries\":[{\"objective\":1,\"rating\":7,\"supportNeeded\":false}]}" | jq -c '{status, title, errors}'

for fp in fp-egy fp-jor fp-mar; do
  R=${REPORT[$fp]}
  api $fp PUT "/api/v1/reports/$R" -d "{\"lockVersion\":0,\"entries\":$(entries 2)}" | jq -c "{report: .id, status, lockVersion}"
  api $fp POST "/api/v1/reports/$R/submit" | jq -c "{report: .id, status, submittedVersion}"
done
echo "== fp-egy submits again:"
api fp-egy POST "/api/v1/reports/${REPORT[fp-egy]}/submit" | jq -c '{status, detail}'

echo "== secretariat's board"
api secretariat GET "/api/v1/cycles/$ID/status" | jq -c '.[] | {participantCode, stage, reportStatus, overdue}'

echo "== secretariat returns Egypt's report"
api secretariat POST "/api/v1/reports/${REPORT[fp-egy]}/validation" -d '{"decision":"RETURN","comment":"Please add figures for objective 7"}' | jq -c '{status, returnComment}'
api fp-egy GET "/api/v1/reports/${REPORT[fp-egy]}" | jq -c '{status, returnComment, lockVersion}'
LOCK=$(api fp-egy GET "/api/v1/reports/${REPORT[fp-egy]}" | jq .lockVersion)
api fp-egy PUT "/api/v1/reports/${REPORT[fp-egy]}" -d "{\"lockVersion\":$LOCK,\"entries\":$(entries 3)}" | jq -c '{status, lockVersion}'
api fp-egy POST "/api/v1/reports/${REPORT[fp-egy]}/submit" | jq -c '{status, submittedVersion}'

for fp in fp-egy fp-jor fp-mar; do
  api secretariat POST "/api/v1/reports/${REPORT[$fp]}/validation" -d '{"decision":"ACCEPT"}' | jq -c '{report: .id, status}'
done
api fp-egy GET "/api/v1/reports/${REPORT[fp-egy]}/versions" | jq -c '.[] | {version, submittedBy, decision, comment}'

echo "== waiting for the job executor to consolidate"
for i in $(seq 1 30); do
  STATUS=$(api secretariat GET "/api/v1/cycles/$ID" | jq -r .status)
  [ "$STATUS" = CONSOLIDATED ] && break
  sleep 1
done
echo "cycle status: $STATUS"
api secretariat GET "/api/v1/tasks?cycleId=$ID" | jq -c '.items[] | {taskKey, name}'
api secretariat GET "/api/v1/cycles/$ID/summary" | jq -c '.[0:6][] | {objective, shortTitle, reportsCounted, ratingCounts, medianRating, supportNeededBy}'

api secretariat POST "/api/v1/cycles/$ID/meeting/preparation" -d '{"meetingDate":"2027-06-15","agenda":"Progress on the 23 objectives"}' | jq -c '{status, meetingDate}'
api secretariat POST "/api/v1/cycles/$ID/meeting/outcomes" -d '{"outcomes":"Peer exchange on regular pathways agreed","decisions":["Peer exchange on objective 5","Data workshop on objective 1"]}' | jq -c '{status, closedAt, meetingDecisions}'

echo "== audit trail of Egypt's report"
api secretariat GET "/api/v1/audit?objectType=report&objectId=${REPORT[fp-egy]}" | jq -c '.items[] | {action, actor, occurredAt}'
