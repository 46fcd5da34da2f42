// The end-to-end suites share one Kafka broker, and the broker-outage suite stops and restarts it.
// Run that suite last, so no other suite meets a broker that is coming back (jest otherwise orders
// by past durations and failures, which differ from one machine's history to the next).
const Sequencer = require('@jest/test-sequencer').default;

const DISRUPTS_THE_BROKER = /broker-outage\.e2e-spec\.ts$/;

class E2eSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered.filter((test) => !DISRUPTS_THE_BROKER.test(test.path)), ...ordered.filter((test) => DISRUPTS_THE_BROKER.test(test.path))];
  }
}

module.exports = E2eSequencer;
