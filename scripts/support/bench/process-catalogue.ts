// What a business runs: a mix of web front ends, databases, caches, JVM services and workers, so names,
// ports, users and commands look like a real estate (nginx-17, mysqld-3, order-service-42, ...).
export type TModuleRole = "gateway" | "db" | "cache";

type TProcessKind = {
  base: string;
  func: string;
  user: string;
  ports: string[];
  /** the module name processes of this kind are bound to; services are often left unbound */
  module?: TModuleRole;
  start: string;
  stop: string;
  reload?: string;
};

export const MODULE_ROLES: TModuleRole[] = ["gateway", "db", "cache"];

const javaService = (base: string, ports: string[]): TProcessKind => ({
  base,
  func: "java",
  user: "app",
  ports,
  start: `java -Xms512m -Xmx2g -jar /data/${base}/${base}.jar --spring.profiles.active=prod`,
  stop: `kill -TERM $(cat /data/${base}/${base}.pid)`,
});

export const PROCESS_KINDS: TProcessKind[] = [
  { base: "nginx", func: "nginx", user: "nginx", ports: ["80", "443", "80,443"], module: "gateway", start: "/usr/local/nginx/sbin/nginx", stop: "/usr/local/nginx/sbin/nginx -s stop", reload: "/usr/local/nginx/sbin/nginx -s reload" },
  { base: "haproxy", func: "haproxy", user: "haproxy", ports: ["8080", "8443", "1936"], module: "gateway", start: "haproxy -f /etc/haproxy/haproxy.cfg -D", stop: "pkill -TERM haproxy", reload: "haproxy -f /etc/haproxy/haproxy.cfg -sf $(cat /run/haproxy.pid)" },
  { base: "php-fpm", func: "php-fpm", user: "www-data", ports: ["9000"], module: "gateway", start: "php-fpm --daemonize", stop: "kill -QUIT $(cat /run/php-fpm.pid)", reload: "kill -USR2 $(cat /run/php-fpm.pid)" },
  { base: "mysqld", func: "mysqld", user: "mysql", ports: ["3306", "3307", "3306-3309"], module: "db", start: "mysqld_safe --defaults-file=/etc/my.cnf &", stop: "mysqladmin shutdown" },
  { base: "postgres", func: "postgres", user: "postgres", ports: ["5432", "5433"], module: "db", start: "pg_ctl -D /data/pgsql start", stop: "pg_ctl -D /data/pgsql stop -m fast", reload: "pg_ctl -D /data/pgsql reload" },
  { base: "mongod", func: "mongod", user: "mongodb", ports: ["27017", "27018-27019"], module: "db", start: "mongod --config /etc/mongod.conf --fork", stop: "mongod --shutdown --dbpath /data/mongo" },
  { base: "redis-server", func: "redis-server", user: "redis", ports: ["6379", "6380", "6379-6384"], module: "cache", start: "redis-server /etc/redis/redis.conf", stop: "redis-cli shutdown" },
  { base: "memcached", func: "memcached", user: "memcache", ports: ["11211"], module: "cache", start: "memcached -d -m 1024 -p 11211", stop: "pkill -TERM memcached" },
  javaService("order-service", ["8080", "8081", "8080-8089"]),
  javaService("payment-service", ["8090", "8091"]),
  javaService("user-service", ["8100", "8101-8104"]),
  javaService("kafka-broker", ["9092", "9092,9093"]),
  { base: "zookeeper", func: "java", user: "zookeeper", ports: ["2181", "2181,2888,3888"], start: "zkServer.sh start", stop: "zkServer.sh stop" },
  { base: "inventory-api", func: "python3", user: "app", ports: ["5000", "5000-5003"], start: "gunicorn -w 4 -b 0.0.0.0:5000 inventory.wsgi", stop: "pkill -TERM -f inventory.wsgi", reload: "pkill -HUP -f inventory.wsgi" },
  { base: "notify-worker", func: "node", user: "app", ports: ["3000"], start: "node /data/notify-worker/dist/main.js", stop: "pkill -TERM -f notify-worker" },
];

/** Substrings a user types into the search box: whole kinds, fragments, and name-plus-number prefixes. */
export const NAME_SEARCHES = ["nginx", "sql", "service", "redis", "order-service-4", "cache", "mongo", "worker", "-1", "kafka", "php", "api"];
