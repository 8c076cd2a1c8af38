/** Hand-made fakes the tests share: a clock that moves only when slept on, a scripted agent probe, captured logs. */
package dev.quarry.pacific.fakes;
