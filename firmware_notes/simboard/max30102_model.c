/* max30102_model.c -- a virtual MAX30102 on simavr's TWI bus (see max30102_model.h).
 *
 * Register map and FIFO rules from the Maxim MAX30102 data sheet (rev. 1):
 *   0x04 FIFO_WR_PTR, 0x05 OVF_COUNTER, 0x06 FIFO_RD_PTR, 0x07 FIFO_DATA, 0x08 FIFO_CONFIG
 *   (SMP_AVE[7:5], FIFO_ROLLOVER_EN[4]), 0x09 MODE_CONFIG (SHDN[7], RESET[6], MODE[2:0]:
 *   2 = HR / red, 3 = SpO2 / red + IR, 7 = multi-LED), 0x0A SPO2_CONFIG (SR[4:2], LED_PW[1:0]),
 *   0xFE REV_ID, 0xFF PART_ID = 0x15.
 * - A full FIFO with rollover off drops new samples and counts them in OVF_COUNTER
 *   (saturating at 31); popping a sample clears OVF_COUNTER.
 * - Each sample is 3 bytes per LED, 18 bits left-justified (fewer valid bits at shorter pulse
 *   widths). Reading FIFO_DATA does not move the register pointer; a sample is popped when its
 *   last byte has been read. Other registers auto-increment.
 * - The register pointer survives STOP (as on the part), so write-reg-then-read works with or
 *   without a repeated start.
 */
#include <stdio.h>
#include <string.h>
#include "avr_twi.h"
#include "sim_cycle_timers.h"
#include "sim_time.h"
#include "max30102_model.h"

enum {
	R_FIFO_WR = 0x04, R_OVF = 0x05, R_FIFO_RD = 0x06, R_FIFO_DATA = 0x07, R_FIFO_CONFIG = 0x08,
	R_MODE = 0x09, R_SPO2 = 0x0A, R_REV_ID = 0xFE, R_PART_ID = 0xFF,
};

static const uint16_t sample_rate_hz[8] = {50, 100, 200, 400, 800, 1000, 1600, 3200};

static int n_leds(const max30102_t *p)
{
	uint8_t mode = p->reg[R_MODE] & 7;
	if (mode == 2) return 1;
	if (mode == 7) return (p->reg[0x11] & 7 ? 1 : 0) + (p->reg[0x11] >> 4 & 7 ? 1 : 0)
	                      + (p->reg[0x12] & 7 ? 1 : 0) + (p->reg[0x12] >> 4 & 7 ? 1 : 0);
	return 2;
}

static uint32_t period_cycles(const max30102_t *p)
{
	uint32_t avg = 1u << ((p->reg[R_FIFO_CONFIG] >> 5) > 5 ? 5 : (p->reg[R_FIFO_CONFIG] >> 5));
	uint32_t sr = sample_rate_hz[(p->reg[R_SPO2] >> 2) & 7];
	return (uint32_t)((uint64_t)p->avr->frequency * avg / sr);
}

static int bus_off(const max30102_t *p, double t)
{
	for (int i = 0; i < p->n_off; i++)
		if (t >= p->off_start_s[i] && t < p->off_start_s[i] + p->off_dur_s[i]) return 1;
	return 0;
}

static void push_sample(max30102_t *p)
{
	double t = p->now_s(p->avr);
	uint32_t ir = p->ir_fn(t, p->ir_param);
	uint32_t bits = 15 + (p->reg[R_SPO2] & 3);  /* 15..18 valid bits */
	uint32_t mask = 0x3FFFFu & ~((1u << (18 - bits)) - 1);
	if (ir > 0x3FFFF) ir = 0x3FFFF;
	uint32_t red = (uint32_t)(ir * 0.8);
	if (p->made == 0) p->first_sample_s = t;
	p->made++;
	uint8_t wr = p->reg[R_FIFO_WR] & 31;
	if (p->count == MAX30102_FIFO_DEPTH) {
		if (!(p->reg[R_FIFO_CONFIG] & 0x10)) {  /* rollover off: the sample is lost */
			if (p->reg[R_OVF] < 31) p->reg[R_OVF]++;
			if (p->lost_run == 0) p->lost_run_first = p->made - 1;
			p->lost_run++;
			p->lost_total++;
			return;
		}
		p->reg[R_FIFO_RD] = (p->reg[R_FIFO_RD] + 1) & 31;  /* rollover: overwrite the oldest */
		p->count--;
		if (p->reg[R_OVF] < 31) p->reg[R_OVF]++;
	}
	if (p->lost_run) {
		fprintf(stderr, "MAX30102 lost %u samples from sample %u\n", p->lost_run, p->lost_run_first);
		p->lost_run = 0;
	}
	p->fifo_red[wr] = red & mask;
	p->fifo_ir[wr] = ir & mask;
	p->reg[R_FIFO_WR] = (wr + 1) & 31;
	p->count++;
}

static avr_cycle_count_t sample_timer(avr_t *avr, avr_cycle_count_t when, void *param)
{
	max30102_t *p = (max30102_t *)param;
	(void)avr;
	if (!p->sampling) return 0;
	push_sample(p);
	return when + period_cycles(p);
}

static void set_sampling(max30102_t *p)
{
	uint8_t mode = p->reg[R_MODE];
	int on = !(mode & 0x80) && ((mode & 7) == 2 || (mode & 7) == 3 || (mode & 7) == 7);
	if (on && !p->sampling)
		avr_cycle_timer_register(p->avr, period_cycles(p), sample_timer, p);
	if (!on && p->sampling) avr_cycle_timer_cancel(p->avr, sample_timer, p);
	p->sampling = on;
}

static void reset_registers(max30102_t *p)
{
	memset(p->reg, 0, sizeof p->reg);
	p->reg[0x00] = 0x01;  /* PWR_RDY */
	p->reg[R_REV_ID] = 0x03;
	p->reg[R_PART_ID] = 0x15;
	p->count = 0;
	if (p->sampling) avr_cycle_timer_cancel(p->avr, sample_timer, p);
	p->sampling = 0;
}

static void write_reg(max30102_t *p, uint8_t r, uint8_t v)
{
	if (r == R_MODE && (v & 0x40)) {  /* soft reset: back to power-on state at once */
		reset_registers(p);
		return;
	}
	if (r == R_REV_ID || r == R_PART_ID) return;
	p->reg[r] = (r == R_FIFO_WR || r == R_FIFO_RD || r == R_OVF) ? (v & 31) : v;
	if (r == R_FIFO_WR || r == R_FIFO_RD)
		p->count = (p->reg[R_FIFO_WR] - p->reg[R_FIFO_RD]) & 31;
	if (r == R_MODE) set_sampling(p);
}

static uint8_t read_fifo_byte(max30102_t *p)
{
	int leds = n_leds(p);
	int nbytes = 3 * (leds ? leds : 1);
	uint8_t rd = p->reg[R_FIFO_RD] & 31;
	int led = p->byte_in_sample / 3, k = p->byte_in_sample % 3;
	uint32_t v = (led == 0 && leds == 2) || leds == 1 ? p->fifo_red[rd] : p->fifo_ir[rd];
	uint8_t b = (uint8_t)(v >> (8 * (2 - k)));
	if (++p->byte_in_sample == nbytes) {
		p->byte_in_sample = 0;
		if (p->count) {  /* pop */
			p->reg[R_FIFO_RD] = (rd + 1) & 31;
			p->count--;
			p->reg[R_OVF] = 0;
		}
	}
	return b;
}

static uint8_t read_reg(max30102_t *p)
{
	uint8_t r = p->reg_ptr;
	if (r == R_FIFO_DATA) return read_fifo_byte(p);
	p->reg_ptr++;
	uint8_t v = p->reg[r];
	if (r == 0x00 || r == 0x01) p->reg[r] = 0;  /* interrupt status clears on read */
	return v;
}

static void twi_hook(struct avr_irq_t *irq, uint32_t value, void *param)
{
	max30102_t *p = (max30102_t *)param;
	avr_twi_msg_irq_t v;
	(void)irq;
	v.u.v = value;
	if (v.u.twi.msg & TWI_COND_STOP) p->selected = 0;
	if (v.u.twi.msg & TWI_COND_START) {
		p->selected = 0;
		p->byte_in_sample = 0;
		if ((v.u.twi.addr >> 1) == MAX30102_ADDR7 && !bus_off(p, p->now_s(p->avr))) {
			p->selected = v.u.twi.addr;
			p->first_byte = 1;
			avr_raise_irq(p->irq + TWI_IRQ_INPUT, avr_twi_irq_msg(TWI_COND_ACK, p->selected, 1));
		}
	}
	if (!p->selected) return;
	if (v.u.twi.msg & TWI_COND_WRITE) {
		avr_raise_irq(p->irq + TWI_IRQ_INPUT, avr_twi_irq_msg(TWI_COND_ACK, p->selected, 1));
		if (p->first_byte) {
			p->reg_ptr = v.u.twi.data;
			p->first_byte = 0;
		} else {
			write_reg(p, p->reg_ptr, v.u.twi.data);
			if (p->reg_ptr != R_FIFO_DATA) p->reg_ptr++;
		}
	}
	if (v.u.twi.msg & TWI_COND_READ) {
		uint8_t data = read_reg(p);
		if (p->verbose) fprintf(stderr, "MAX30102 read %02x\n", data);
		avr_raise_irq(p->irq + TWI_IRQ_INPUT, avr_twi_irq_msg(TWI_COND_READ, p->selected, data));
	}
}

static const char *irq_names[2] = {
	[TWI_IRQ_INPUT] = "8>max30102.out",
	[TWI_IRQ_OUTPUT] = "32<max30102.in",
};

void max30102_init(avr_t *avr, max30102_t *p, max30102_ir_fn ir_fn, void *ir_param,
                   double (*now_s)(avr_t *avr))
{
	memset(p, 0, sizeof *p);
	p->avr = avr;
	p->ir_fn = ir_fn;
	p->ir_param = ir_param;
	p->now_s = now_s;
	p->first_sample_s = -1;
	reset_registers(p);
	p->irq = avr_alloc_irq(&avr->irq_pool, 0, 2, irq_names);
	avr_irq_register_notify(p->irq + TWI_IRQ_OUTPUT, twi_hook, p);
}

void max30102_attach(avr_t *avr, max30102_t *p)
{
	avr_connect_irq(p->irq + TWI_IRQ_INPUT, avr_io_getirq(avr, AVR_IOCTL_TWI_GETIRQ(0), TWI_IRQ_INPUT));
	avr_connect_irq(avr_io_getirq(avr, AVR_IOCTL_TWI_GETIRQ(0), TWI_IRQ_OUTPUT), p->irq + TWI_IRQ_OUTPUT);
}
