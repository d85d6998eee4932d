#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the schema
# at HEAD and the working prisma/schema.prisma. Diffing two schema files needs no shadow database,
# which the wasm schema engine cannot manage over adapter-pg. Needs DATABASE_URL (any reachable server).
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh <name>}
old=$(mktemp --suffix=.prisma)
trap 'rm -f "$old"' EXIT
git show HEAD:prisma/schema.prisma > "$old"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
