# Apache Kafka broker in KRaft mode, one node on loopback, from the broker jars resolved by Maven.

KAFKA_HOME_DIR="$PLATFORM_HOME/kafka"

kafka_classpath() {
    local cp="$KAFKA_HOME_DIR/classpath-$KAFKA_VERSION.txt"
    if [ ! -s "$cp" ]; then
        mkdir -p "$KAFKA_HOME_DIR"
        say "Resolving the Kafka $KAFKA_VERSION broker through Maven..." >&2
        "$MVN" -q -B -f "$DEPLOY_DIR/artifacts/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
            dependency:build-classpath -Dmdep.outputFile="$cp" >> "$LOG_DIR/kafka.log" 2>&1 \
            || die "could not resolve the Kafka broker; see $LOG_DIR/kafka.log"
    fi
    cat "$cp"
}

kafka_write_config() {
    mkdir -p "$KAFKA_HOME_DIR/data"
    cat > "$KAFKA_HOME_DIR/server.properties" <<PROPS
# Written by deploy/local/kafka.sh; edit platform.env instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_HOME_DIR/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=-1
PROPS
    cat > "$KAFKA_HOME_DIR/log4j2.properties" <<'PROPS'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.server.name = kafka.server.KafkaRaftServer
logger.server.level = INFO
logger.org.name = org.apache.kafka
logger.org.level = WARN
PROPS
}

kafka_start() {
    if running_pid kafka >/dev/null; then info kafka "already running on 127.0.0.1:$KAFKA_PORT"; return 0; fi
    local cp java; cp=$(kafka_classpath) || exit 1; java=$(java_bin)
    require_free_port "$KAFKA_PORT" Kafka KAFKA_PORT
    require_free_port "$KAFKA_CONTROLLER_PORT" "the Kafka controller" KAFKA_CONTROLLER_PORT
    kafka_write_config
    if [ ! -f "$KAFKA_HOME_DIR/data/meta.properties" ]; then
        local cluster_id
        cluster_id=$("$java" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$LOG_DIR/kafka.log" | tail -1)
        "$java" -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/log4j2.properties" -cp "$cp" kafka.tools.StorageTool format \
            -t "$cluster_id" -c "$KAFKA_HOME_DIR/server.properties" >> "$LOG_DIR/kafka.log" 2>&1 \
            || die "formatting Kafka storage failed; see $LOG_DIR/kafka.log"
    fi
    start_bg kafka "$java" -Xms256m -Xmx512m -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/log4j2.properties" \
        -cp "$cp" kafka.Kafka "$KAFKA_HOME_DIR/server.properties"
    # The topic tool waits for the broker to answer, then creates the missing topics.
    # shellcheck disable=SC2086
    "$java" -cp "$cp" "$DEPLOY_DIR/tools/KafkaTopics.java" "127.0.0.1:$KAFKA_PORT" 90 $KAFKA_TOPICS \
        >> "$LOG_DIR/kafka.log" 2>&1 || { tail -n 30 "$LOG_DIR/kafka.log" >&2; die "Kafka did not become ready; see $LOG_DIR/kafka.log"; }
    info kafka "started on 127.0.0.1:$KAFKA_PORT (topics: $KAFKA_TOPICS)"
}

kafka_stop() { stop_component kafka; }
kafka_purge() { rm -rf "$KAFKA_HOME_DIR/data" "$KAFKA_HOME_DIR/server.properties"; }
