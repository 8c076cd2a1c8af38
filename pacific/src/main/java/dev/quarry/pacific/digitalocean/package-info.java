/** The DigitalOcean provider: droplets made with cloud-init user data, waited for, resized and destroyed through the v2 API. */
package dev.quarry.pacific.digitalocean;
