/* max30102_model.h -- a virtual MAX30102 on simavr's TWI (I2C) bus.
 *
 * Registers, the 32-sample FIFO with its write/read pointers and OVF_COUNTER, SpO2/HR/multi-LED
 * sample formats, sample rate and averaging from SPO2_CONFIG / FIFO_CONFIG. The IR (and red)
 * values come from a caller-supplied function of simulated time. A "bus-off" window makes the
 * part stop answering its address (a loose wire), so the FIFO fills and overflows.
 */
#ifndef MAX30102_MODEL_H
#define MAX30102_MODEL_H

#include <stdint.h>
#include "sim_avr.h"
#include "sim_irq.h"

#define MAX30102_ADDR7 0x57
#define MAX30102_FIFO_DEPTH 32

typedef uint32_t (*max30102_ir_fn)(double t_s, void *param);

typedef struct max30102_t {
	avr_t *avr;
	avr_irq_t *irq;
	uint8_t reg[256];
	uint32_t fifo_red[MAX30102_FIFO_DEPTH], fifo_ir[MAX30102_FIFO_DEPTH];
	uint8_t count;           /* unread samples, 0..32 (the pointers alone cannot tell full from empty) */
	uint8_t selected, first_byte, byte_in_sample;
	uint8_t reg_ptr;
	int sampling;
	max30102_ir_fn ir_fn;
	void *ir_param;
	double (*now_s)(avr_t *avr);
	double off_start_s[8], off_dur_s[8];
	int n_off;
	uint32_t made, lost_total, lost_run, lost_run_first;
	double first_sample_s;
	int verbose;
} max30102_t;

void max30102_init(avr_t *avr, max30102_t *p, max30102_ir_fn ir_fn, void *ir_param,
                   double (*now_s)(avr_t *avr));
void max30102_attach(avr_t *avr, max30102_t *p);

#endif
