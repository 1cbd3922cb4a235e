// pulsesensor_bf1.ino -- PulseSensor (analog, signal on A0) -> BF1 lines (see ../protocol.md).
//
// AVR boards at 16 MHz (Uno, Nano, Pro Mini 5 V). Built and run on a simulated Uno in CI
// (tests/firmware/). No library needed.
// - Clock: Timer2 interrupts at 500 Hz (16 MHz / 128 / 250); the ISR reads A0 and queues
//   (tick, value). t_ms = 2 * tick, counted from the timer start -- a timer-tick clock, not
//   millis(). uint32 arithmetic wraps at 2^32 as BF1 requires. If loop() falls behind and the
//   queue is full, the sample is dropped and the reader sees a t_ms step.
// - Output: every second sample as a P line (250 Hz). The value rises with blood volume
//   (systole = up), as the PulseSensor's own output does.
// - Beats: a 500 Hz detector with PulseSensor Playground rules (threshold at 50 % of the last
//   amplitude, beats > 250 ms and > 0.7 IBI apart, reset after 2.5 s without a beat). An I line's
//   t_ms is the upstroke's threshold crossing, some 60-90 ms before the systolic peak, not the
//   peak; see ../README.md for the measured accuracy.
// - Contact: the analog sensor has no finger switch. C,0 when the signal stays near a rail
//   (dark or saturated) for 100 ms, or when no beat comes for 2.5 s. After the signal is back
//   in range, the detector is held for 1 s so the step back is never taken for a beat; C,1 at
//   the first beat after that. The first beat after boot or after C,0 gives no I line.
// - Header and contact state at boot and every 5 s.
// - Between samples the CPU sleeps (idle mode); any interrupt wakes it.

#include <avr/sleep.h>

const uint8_t PIN_PULSE = A0;
const uint16_t ADC_MAX = 1023;
const uint16_t THRESH_START = 550;
const uint16_t RAIL_LOW = 60;      // below: dark (no finger in front of the LED)
const uint16_t RAIL_HIGH = 1000;   // above: saturated
const uint16_t OFF_RAIL_MS = 100;  // this long at a rail -> C,0
const uint16_t SETTLE_MS = 1000;   // back in range this long before beats count again
const uint16_t NO_BEAT_MS = 2500;
const uint8_t QUEUE_LEN = 32;  // power of two

volatile uint32_t qTick[QUEUE_LEN];
volatile uint16_t qValue[QUEUE_LEN];
volatile uint8_t qHead = 0;
uint8_t qTail = 0;
volatile uint32_t tick = 0;

// beat detector state (times in ms on the device clock)
uint16_t thresh = THRESH_START, peak = 512, trough = 512;
uint32_t lastBeatMs = 0;
uint16_t ibiMs = 600;
bool inPulse = false, haveBeat = false, contact = false;
uint32_t railSinceMs = 0, inRangeSinceMs = 0;
bool atRail = false;
uint32_t nextHeaderMs = 0;

ISR(TIMER2_COMPA_vect) {
  uint16_t v = analogRead(PIN_PULSE);  // ~112 us, well inside the 2 ms period
  uint8_t next = (qHead + 1) & (QUEUE_LEN - 1);
  if (next != qTail) {  // queue full: drop; the reader sees a t_ms step and reports a gap
    qTick[qHead] = tick;
    qValue[qHead] = v;
    qHead = next;
  }
  tick++;
}

void sendLine(const char *body) {  // body + "*HH" + CR LF
  uint8_t x = 0;
  for (const char *p = body; *p; p++) x ^= (uint8_t)*p;
  char tail[6];
  snprintf(tail, sizeof tail, "*%02X", x);
  Serial.print(body);
  Serial.println(tail);
}

void sendRecord(char kind, uint32_t tMs, uint32_t value) {
  char buf[32];
  snprintf(buf, sizeof buf, "%c,%lu,%lu", kind, (unsigned long)tMs, (unsigned long)value);
  sendLine(buf);
}

void sendHeader(uint32_t tMs) {
  char buf[64];
  snprintf(buf, sizeof buf, "#BF1 device=pulsesensor-uno fs_hz=250 adc_max=%u", ADC_MAX);
  sendLine(buf);
  sendRecord('C', tMs, contact ? 1 : 0);
}

void resetDetector(uint32_t tMs) {  // the next beat has no known predecessor
  thresh = THRESH_START;
  peak = trough = 512;
  lastBeatMs = tMs;
  haveBeat = false;
  inPulse = false;
  ibiMs = 600;
}

void loseContact(uint32_t tMs) {
  if (contact) {
    contact = false;
    sendRecord('C', tMs, 0);
  }
}

// Rail watch: true while beats may be detected (in range and settled).
bool signalUsable(uint32_t tMs, uint16_t v) {
  bool rail = v < RAIL_LOW || v > RAIL_HIGH;
  if (rail) {
    if (!atRail) railSinceMs = tMs;
    atRail = true;
    if (tMs - railSinceMs >= OFF_RAIL_MS) loseContact(tMs);
    inRangeSinceMs = tMs;
  } else {
    atRail = false;
  }
  if (rail || tMs - inRangeSinceMs < SETTLE_MS) {
    resetDetector(tMs);
    return false;
  }
  return true;
}

// One 500 Hz sample through the detector; prints an I line when a beat with a known
// predecessor is found.
void detect(uint32_t tMs, uint16_t v) {
  if (!signalUsable(tMs, v)) return;
  uint32_t sinceMs = tMs - lastBeatMs;
  uint32_t refractoryMs = (ibiMs / 10) * 7UL;  // Playground: 3/5; 7/10 skips the dicrotic wave at fast rates
  if (v < thresh && sinceMs > refractoryMs && v < trough) trough = v;
  if (v > thresh && v > peak) peak = v;
  if (sinceMs > 250 && v > thresh && !inPulse && sinceMs > refractoryMs) {
    inPulse = true;
    if (haveBeat) {
      ibiMs = (uint16_t)sinceMs;
      sendRecord('I', tMs, ibiMs);
    }
    if (!contact) {
      contact = true;
      sendRecord('C', tMs, 1);
    }
    haveBeat = true;
    lastBeatMs = tMs;
  }
  if (v < thresh && inPulse) {
    inPulse = false;
    uint16_t amp = peak - trough;
    thresh = trough + amp / 2;
    peak = thresh;
    trough = thresh;
  }
  if (sinceMs > NO_BEAT_MS) {
    resetDetector(tMs);
    loseContact(tMs);
  }
}

void setup() {
  Serial.begin(115200);
  Serial.println();  // an empty first line: a reader drops it as partial and keeps the header
  cli();
  TCCR2A = _BV(WGM21);             // CTC mode
  TCCR2B = _BV(CS22) | _BV(CS20);  // clk / 128 -> 125 kHz
  OCR2A = 249;                     // 125 kHz / 250 = 500 Hz
  TIMSK2 = _BV(OCIE2A);
  sei();
}

void loop() {
  while (qTail != qHead) {
    noInterrupts();
    uint32_t t = qTick[qTail];
    uint16_t v = qValue[qTail];
    interrupts();
    qTail = (qTail + 1) & (QUEUE_LEN - 1);
    uint32_t tMs = 2UL * t;
    if ((int32_t)(tMs - nextHeaderMs) >= 0) {
      sendHeader(tMs);
      nextHeaderMs = tMs + 5000UL;
    }
    if ((t & 1) == 0) sendRecord('P', tMs, v);  // 250 Hz out
    detect(tMs, v);  // 500 Hz detector; an I line follows the P line it completes
  }
  set_sleep_mode(SLEEP_MODE_IDLE);
  cli();
  if (qTail == qHead) {  // sleep until the next interrupt (sei + sleep is atomic)
    sleep_enable();
    sei();
    sleep_cpu();
    sleep_disable();
  }
  sei();
}
