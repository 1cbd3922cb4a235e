// max30102_bf1.ino -- MAX30102 (SparkFun MAX3010x library) -> BF1 lines (see ../protocol.md).
//
// Not compiled in CI: check it on a board. Needs "SparkFun MAX3010x Pulse and Proximity Sensor
// Library" (MAX30105.h, heartRate.h).
// - Sensor: 400 sps averaged by 4 -> 100 samples/s into the chip FIFO; every FIFO sample is sent
//   (nothing is skipped as in Example5), so t_ms = 10 * sample index is the device clock
//   (uint32, wraps at 2^32). If the host link stalls and the FIFO overflows, samples are lost
//   and the next P line's t_ms step tells the reader.
// - Beats: SparkFun checkForBeat() (Maxim PBA) on IR; 10 ms resolution. The first beat after
//   start or after contact returns gives no I line.
// - Contact: IR >= 50000 (the Example5 rule) -> C,1, else C,0.

#include <Wire.h>
#include "MAX30105.h"
#include "heartRate.h"

MAX30105 sensor;
const uint32_t ADC_MAX = 262143;  // 18-bit at pulse width 411
const uint32_t NO_FINGER_IR = 50000;
const uint32_t SAMPLE_MS = 10;

uint32_t sampleIndex = 0;
uint32_t lastBeatMs = 0;
bool haveBeat = false, contact = false;
uint32_t nextHeaderMs = 0;

void sendLine(const char *body) {
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

void setup() {
  Serial.begin(115200);
  if (!sensor.begin(Wire, I2C_SPEED_FAST)) {
    Serial.println("#error MAX3010x not found");  // a BF1 comment line
    while (true) {}
  }
  // powerLevel, sampleAverage, ledMode (2 = red + IR), sampleRate, pulseWidth, adcRange
  sensor.setup(0x1F, 4, 2, 400, 411, 4096);
}

void loop() {
  sensor.check();
  while (sensor.available()) {
    uint32_t ir = sensor.getFIFOIR();
    sensor.nextSample();
    uint32_t tMs = SAMPLE_MS * sampleIndex++;
    bool touch = ir >= NO_FINGER_IR;
    if ((int32_t)(tMs - nextHeaderMs) >= 0) {
      sendLine("#BF1 device=max30102 fs_hz=100 adc_max=262143");
      sendRecord('C', tMs, touch ? 1 : 0);
      nextHeaderMs = tMs + 5000UL;
    } else if (touch != contact) {
      sendRecord('C', tMs, touch ? 1 : 0);
    }
    if (touch != contact) haveBeat = false;
    contact = touch;
    sendRecord('P', tMs, ir > ADC_MAX ? ADC_MAX : ir);
    if (contact && checkForBeat((long)ir)) {
      if (haveBeat) sendRecord('I', tMs, tMs - lastBeatMs);
      haveBeat = true;
      lastBeatMs = tMs;
    }
  }
}
